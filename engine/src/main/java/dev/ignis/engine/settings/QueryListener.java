package dev.ignis.engine.settings;

/**
 * The engine's one observation point: every SQL statement it runs and every repository call it serves is
 * reported here, attributed to datasource, model and operation. Metrics listen here; tests count here.
 * Called on the thread that ran the statement; implementations must be fast and thread-safe.
 */
public interface QueryListener {
    QueryListener NONE = new QueryListener() {
    };

    default void onStatement(StatementEvent event) {
    }

    default void onCall(CallEvent event) {
    }

    /** A repository call that read or wrote across tenants ({@code Tenants.all}, {@code QueryOptions.allTenants()}). */
    default void onTenantBypass(TenantBypassEvent event) {
    }

    /**
     * One statement. {@code operation} is the repository operation it served (find, count, create, include, ...);
     * {@code strategy} says how an include was fetched (join, batch, per-parent, cross-datasource), or
     * {@code "direct"} for the call's own statements. {@code error} is null on success. {@code role} is
     * {@code "primary"} or {@code "replica"}: the server the statement ran on; {@code pool} the name of its pool
     * (the datasource's name for the primary, {@code <datasource>-replica-<n>} for a replica).
     */
    record StatementEvent(String dataSource, String model, String operation, String strategy, long durationNanos, Throwable error,
                          String role, String pool) {
        /** An event of a statement on the datasource's primary. */
        public StatementEvent(String dataSource, String model, String operation, String strategy, long durationNanos, Throwable error) {
            this(dataSource, model, operation, strategy, durationNanos, error, "primary", dataSource);
        }

        public boolean succeeded() {
            return error == null;
        }
    }

    /** A call made with no tenant limit: which datasource, model and operation. */
    record TenantBypassEvent(String dataSource, String model, String operation) {
    }

    /** One repository call, with the number of statements it took on all datasources together. */
    record CallEvent(String dataSource, String model, String operation, int statements, long durationNanos, Throwable error) {
        public boolean succeeded() {
            return error == null;
        }
    }
}
