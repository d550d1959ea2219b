package dev.ignis.api.repository;

/**
 * Options of a read: {@code shouldSkipDefaultFilter} ignores the model's default filter; {@code shouldReadPrimary} reads the
 * datasource's primary even where a replica would serve (only matters for datasources with replicas).
 */
public record QueryOptions(boolean shouldSkipDefaultFilter, boolean shouldReadPrimary) {
    public static final QueryOptions DEFAULT = new QueryOptions(false, false);

    public QueryOptions(boolean shouldSkipDefaultFilter) {
        this(shouldSkipDefaultFilter, false);
    }

    /** Ignore the model's default filter for this call. */
    public static QueryOptions skipDefaultFilter() {
        return new QueryOptions(true, false);
    }

    /** Read the primary for this call, never a replica. */
    public static QueryOptions primary() {
        return new QueryOptions(false, true);
    }

    public QueryOptions withPrimary(boolean value) {
        return new QueryOptions(shouldSkipDefaultFilter, value);
    }
}
