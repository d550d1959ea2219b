package dev.ignis.engine.internal.route;

import java.util.HashMap;
import java.util.Map;

/**
 * What the current thread last wrote, per datasource: the primary's replication position after the write (when the
 * database reports one) and when it happened. Reads of the same thread consult it for read-your-writes.
 */
public final class WrittenPositions {
    /** One write: {@code position} is {@link Replica#UNKNOWN} when the database reports none. */
    public record Written(long position, long atNanos) {
    }

    private static final ThreadLocal<Map<String, Written>> CURRENT = new ThreadLocal<>();

    private WrittenPositions() {
    }

    static void record(String dataSource, long position) {
        Map<String, Written> written = CURRENT.get();
        if (written == null) {
            written = new HashMap<>(4);
            CURRENT.set(written);
        }
        written.put(dataSource, new Written(position, System.nanoTime()));
    }

    /** This thread's writes, copied: reads it hands to other threads (includes) carry them along. */
    static Map<String, Written> snapshot() {
        Map<String, Written> written = CURRENT.get();
        return written == null || written.isEmpty() ? Map.of() : Map.copyOf(written);
    }

    /** Forgets this thread's writes (tests; a pooled thread handed to an unrelated task). */
    public static void clear() {
        CURRENT.remove();
    }
}
