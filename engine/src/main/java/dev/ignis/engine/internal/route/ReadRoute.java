package dev.ignis.engine.internal.route;

import java.util.Map;

/**
 * How the statements of one read may be routed, captured on the calling thread before anything runs (so that its
 * includes on other threads follow the same rules): whether it must read primaries, and what the thread wrote.
 */
public record ReadRoute(boolean primaryOnly, Map<String, WrittenPositions.Written> written) {
    /** Reads the primaries only: transactions, and what the caller asked to read there. */
    public static final ReadRoute PRIMARY = new ReadRoute(true, Map.of());
    /** Replicas allowed, nothing written by the thread: the commonest route, made once. */
    private static final ReadRoute ANY = new ReadRoute(false, Map.of());

    /**
     * The route of a read starting on this thread: replicas allowed unless the caller asked for the primary or a
     * transaction is open on the thread.
     */
    public static ReadRoute capture(boolean primaryRequested, boolean inTransaction) {
        if (primaryRequested || inTransaction) {
            return PRIMARY;
        }
        Map<String, WrittenPositions.Written> written = WrittenPositions.snapshot();
        return written.isEmpty() ? ANY : new ReadRoute(false, written);
    }
}
