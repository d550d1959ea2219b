package dev.ignis.api.spi;

/** How a driver classifies a database error, so the engine can raise the matching exception type. */
public enum ErrorKind {
    /** Unique, foreign-key, not-null or check violation: {@code ConflictException}. */
    CONFLICT,
    /** Cannot connect, authentication failed, server went away: {@code DataSourceUnavailableException}. */
    UNAVAILABLE,
    /** A row lock not acquired: NOWAIT on a locked row, lock wait timeout, deadlock victim: {@code LockException}. */
    LOCK,
    /**
     * The database could not evaluate a value a filter gave it (an invalid regular expression in its dialect, text where
     * it needed a number): {@code FilterException}.
     */
    REJECTED_VALUE,
    /** Anything else: an {@code IgnisException} carrying the cause. */
    OTHER;

    /** The SQL-standard classification by SQLState class, shared by drivers. */
    public static ErrorKind bySqlState(String sqlState) {
        if (sqlState == null || sqlState.length() < 2) {
            return OTHER;
        }
        switch (sqlState.substring(0, 2)) {
            case "23":
                return CONFLICT;
            case "08":
            case "28":
            case "53":
            case "57":
                return UNAVAILABLE;
            default:
                return OTHER;
        }
    }
}
