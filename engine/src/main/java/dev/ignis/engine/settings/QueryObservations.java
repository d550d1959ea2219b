package dev.ignis.engine.settings;

/**
 * The Micrometer {@code Observation}s the engine makes when it is given an {@code ObservationRegistry}
 * ({@code Engine.builder().observationRegistry(registry)}): one {@value #CALL} per repository call and, as its
 * children, one {@value #STATEMENT} per SQL statement, on whichever datasource and thread the statement ran
 * (the parallel cross-datasource includes too). With micrometer-tracing's handler on the registry each becomes a
 * span. Without a registry, or with {@code ObservationRegistry.NOOP}, nothing is made.
 */
public final class QueryObservations {
    /** A repository call: contextual name {@code <model>.<operation>}, e.g. {@code Customer.find}. */
    public static final String CALL = "ignis.call";
    /** A statement of a call: contextual name {@code sql <model>.<operation>}, e.g. {@code sql Order.include}. */
    public static final String STATEMENT = "ignis.statement";

    // Low-cardinality keys (a closed set of values each).
    /** Where the call's repository is bound, or where the statement ran (an include's target datasource). */
    public static final String DATASOURCE = "datasource";
    public static final String MODEL = "model";
    /** find, count, create, ..., or include for an include's statements. */
    public static final String OPERATION = "operation";
    /** Statements only: direct (the call's own, joins included), batch, per-parent, cross-datasource, cursor (a stream's). */
    public static final String STRATEGY = "strategy";
    /** {@code success} or the simple name of the exception (as on the {@code ignis.query} timer). */
    public static final String OUTCOME = "outcome";
    /** Statements only: primary or replica, the server that ran it. */
    public static final String ROLE = "role";
    /** Statements only: the pool, {@code <datasource>} for the primary or {@code <datasource>-replica-<n>}. */
    public static final String POOL = "pool";

    // High-cardinality key.
    /**
     * Statements only: eight hex digits naming the statement's SQL text (placeholders, never values), the same for
     * every run of that text; the {@code dev.ignis.sql} logger prints that text at DEBUG.
     */
    public static final String SHAPE = "shape";

    private QueryObservations() {
    }
}
