package dev.ignis.engine.internal.route;

import java.util.Map;

/**
 * How the statements of one read may be routed, captured on the calling thread before anything runs (so that its
 * includes on other threads follow the same rules): whether it must read primaries, and what the thread wrote.
 */
public record ReadRoute(boolean primaryOnly, Map<String, WrittenPositions.Written> written) {
    /** Reads the primaries only: transactions, and what the caller asked to read there. */
    public static final ReadRoute PRIMARY = new ReadRoute(true, Map.of());

    /**
     * The route of a read starting on this thread: replicas allowed unless the caller asked for the primary or a
     * transaction is open on the thread.
     */
    public static ReadRoute capture(boolean primaryRequested, boolean inTransaction) {
        return primaryRequested || inTransaction ? PRIMARY : new ReadRoute(false, WrittenPositions.snapshot());
    }
}
