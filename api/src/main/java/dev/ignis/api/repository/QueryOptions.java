package dev.ignis.api.repository;

import dev.ignis.api.filter.DeletedRows;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of a read. {@code shouldSkipDefaultFilter} ignores the model's default filter; {@code deleted}: which rows of
 * a soft-delete model the root reads; {@code includeDeleted}: the same per include, by relation path ({@code "events"},
 * {@code "events.author"}; unnamed includes read live rows); {@code acrossTenants}: no tenant limit for this call (logged
 * and counted, like {@code Tenants.all}); {@code shouldReadPrimary} reads the datasource's primary even where a replica
 * would serve (only matters for datasources with replicas); {@code lock} (null for none) locks the rows read, see
 * {@link RowLock}.
 */
public record QueryOptions(boolean shouldSkipDefaultFilter, DeletedRows deleted, Map<String, DeletedRows> includeDeleted,
                           boolean acrossTenants, boolean shouldReadPrimary, RowLock lock) {
    public static final QueryOptions DEFAULT = new QueryOptions(false);

    public QueryOptions {
        Objects.requireNonNull(deleted, "deleted");
        includeDeleted = Map.copyOf(includeDeleted);
    }

    public QueryOptions(boolean shouldSkipDefaultFilter) {
        this(shouldSkipDefaultFilter, DeletedRows.LIVE, Map.of(), false, false, null);
    }

    /** Ignore the model's default filter for this call. */
    public static QueryOptions skipDefaultFilter() {
        return new QueryOptions(true);
    }

    /** Read the primary for this call, never a replica. */
    public static QueryOptions primary() {
        return DEFAULT.withPrimary(true);
    }

    /** Lock the rows this read returns. */
    public static QueryOptions lock(RowLock lock) {
        return DEFAULT.withLock(lock);
    }

    /** Live and soft-deleted rows at the root. */
    public static QueryOptions withDeleted() {
        return DEFAULT.deleted(DeletedRows.WITH_DELETED);
    }

    /** Soft-deleted rows only, at the root. */
    public static QueryOptions onlyDeleted() {
        return DEFAULT.deleted(DeletedRows.ONLY_DELETED);
    }

    /** Every tenant's rows: the bypass of tenant isolation, logged at INFO and counted. */
    public static QueryOptions allTenants() {
        return DEFAULT.acrossAllTenants();
    }

    public QueryOptions withPrimary(boolean value) {
        return new QueryOptions(shouldSkipDefaultFilter, deleted, includeDeleted, acrossTenants, value, lock);
    }

    public QueryOptions withLock(RowLock value) {
        return new QueryOptions(shouldSkipDefaultFilter, deleted, includeDeleted, acrossTenants, shouldReadPrimary, value);
    }

    public QueryOptions deleted(DeletedRows rows) {
        return new QueryOptions(shouldSkipDefaultFilter, rows, includeDeleted, acrossTenants, shouldReadPrimary, lock);
    }

    /** Which rows the include at {@code relationPath} (relation names joined by dots) reads. */
    public QueryOptions includeDeleted(String relationPath, DeletedRows rows) {
        Map<String, DeletedRows> more = new HashMap<>(includeDeleted);
        more.put(relationPath, rows);
        return new QueryOptions(shouldSkipDefaultFilter, deleted, more, acrossTenants, shouldReadPrimary, lock);
    }

    /** These options, with no tenant limit. */
    public QueryOptions acrossAllTenants() {
        return new QueryOptions(shouldSkipDefaultFilter, deleted, includeDeleted, true, shouldReadPrimary, lock);
    }
}
