package dev.ignis.engine.internal.route;

import dev.ignis.api.spi.ReplicationPositions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was written, per datasource, for read-your-writes: by the current thread, and by every thread that carried the
 * same {@link Scope}. Reads consult both.
 */
public final class WrittenPositions {
    /**
     * The writes to one datasource that later reads must see: the primary's positions after them (a replica must have
     * applied each; usually one, as later positions include earlier ones), or {@code unknown} when the position of the
     * last write could not be asked (no replica counts as caught up); {@code atNanos}: when the last write was recorded.
     */
    public record Written(List<String> positions, boolean unknown, long atNanos) {
        /** What reads must see after this and a further write at {@code position} (null: unknown; empty: none). */
        Written then(String position, ReplicationPositions.Order order, long now) {
            if (position == null) {
                return new Written(List.of(), true, now);
            }
            List<String> kept = new ArrayList<>(positions.size() + 1);
            boolean covered = position.isBlank();
            for (String earlier : unknown ? List.<String>of() : positions) {
                if (!covered && order.reached(earlier, position)) {
                    covered = true; // another thread of the scope recorded a later position first
                }
                if (position.isBlank() || !order.reached(position, earlier)) {
                    kept.add(earlier);
                }
            }
            if (!covered) {
                kept.add(position);
            }
            return new Written(List.copyOf(kept), false, Math.max(now, atNanos));
        }

        /**
         * Both: a replica must have applied the positions of each. A write made in a scope is in the thread's entry and
         * the scope's: its position is kept once, so reads do not compare it twice.
         */
        Written and(Written other) {
            List<String> all = new ArrayList<>(positions);
            for (String position : other.positions) {
                if (!all.contains(position)) {
                    all.add(position);
                }
            }
            return new Written(List.copyOf(all), unknown || other.unknown, Math.max(atNanos, other.atNanos));
        }

        static final Written NONE = new Written(List.of(), false, Long.MIN_VALUE);
    }

    /** The writes shared by the threads that run work in one read-your-writes scope. */
    public static final class Scope {
        private final Map<String, Written> written = new ConcurrentHashMap<>();

        /** Runs {@code work} on this thread inside the scope: its writes are recorded here, its reads see the scope's. */
        public <T> T call(java.util.function.Supplier<T> work) {
            return ThreadBinding.with(BOUND, this, work);
        }
    }

    private static final ThreadLocal<Map<String, Written>> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Scope> BOUND = new ThreadLocal<>();

    private WrittenPositions() {
    }

    /**
     * Records a committed write to {@code dataSource} at {@code position} (null: its position is unknown; empty: it
     * needs none) for this thread and the scope it runs in.
     */
    static void record(String dataSource, String position, ReplicationPositions.Order order) {
        long now = System.nanoTime();
        Map<String, Written> own = CURRENT.get();
        if (own == null) {
            own = new HashMap<>(4);
            CURRENT.set(own);
        }
        // Merged, not replaced: a later position need not include an earlier one (MariaDB GTIDs of another domain).
        Written first = Written.NONE.then(position, order, now);
        own.merge(dataSource, first, (earlier, ignored) -> earlier.then(position, order, now));
        Scope scope = BOUND.get();
        if (scope != null) {
            scope.written.merge(dataSource, first, (earlier, ignored) -> earlier.then(position, order, now));
        }
    }

    /** This thread's writes and its scope's, copied: reads it hands to other threads (includes) carry them along. */
    static Map<String, Written> snapshot() {
        Map<String, Written> own = CURRENT.get();
        Scope scope = BOUND.get();
        if (scope == null || scope.written.isEmpty()) {
            return own == null || own.isEmpty() ? Map.of() : Map.copyOf(own);
        }
        Map<String, Written> all = new HashMap<>(scope.written);
        if (own != null) {
            own.forEach((dataSource, written) -> all.merge(dataSource, written, Written::and));
        }
        return Map.copyOf(all);
    }

    /** Forgets this thread's writes (tests; a pooled thread handed to an unrelated task). */
    public static void clear() {
        CURRENT.remove();
    }
}
