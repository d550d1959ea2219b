package dev.ignis.api.repository;

/**
 * Options of a read: {@code shouldSkipDefaultFilter} ignores the model's default filter; {@code lock} (null for none)
 * locks the rows read, see {@link RowLock}.
 */
public record QueryOptions(boolean shouldSkipDefaultFilter, RowLock lock) {
    public static final QueryOptions DEFAULT = new QueryOptions(false, null);

    public QueryOptions(boolean shouldSkipDefaultFilter) {
        this(shouldSkipDefaultFilter, null);
    }

    /** Ignore the model's default filter for this call. */
    public static QueryOptions skipDefaultFilter() {
        return new QueryOptions(true, null);
    }

    /** Lock the rows this read returns. */
    public static QueryOptions lock(RowLock lock) {
        return DEFAULT.withLock(lock);
    }

    public QueryOptions withLock(RowLock value) {
        return new QueryOptions(shouldSkipDefaultFilter, value);
    }
}
