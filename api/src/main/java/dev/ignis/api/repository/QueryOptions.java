package dev.ignis.api.repository;

/** Options of a read. */
public record QueryOptions(boolean shouldSkipDefaultFilter) {
    public static final QueryOptions DEFAULT = new QueryOptions(false);

    /** Ignore the model's default filter for this call. */
    public static QueryOptions skipDefaultFilter() {
        return new QueryOptions(true);
    }
}
