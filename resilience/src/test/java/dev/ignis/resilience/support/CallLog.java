package dev.ignis.resilience.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Every call a test's workers made: which datasource and operation, when it started and ended, how it failed. */
public final class CallLog {
    public record Call(String dataSource, String worker, String operation, long startNanos, long endNanos, Throwable error) {
        public boolean ok() {
            return error == null;
        }

        public Duration duration() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        public boolean startedAfter(long nanos) {
            return startNanos >= nanos;
        }
    }

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    /** Runs and records one call; a failure is recorded, not thrown (Errors are thrown). */
    public <T> T record(String dataSource, String worker, String operation, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            T result = work.get();
            calls.add(new Call(dataSource, worker, operation, start, System.nanoTime(), null));
            return result;
        } catch (RuntimeException e) {
            calls.add(new Call(dataSource, worker, operation, start, System.nanoTime(), e));
            return null;
        }
    }

    public List<Call> all() {
        return new ArrayList<>(calls);
    }

    public List<Call> where(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    public long count(Predicate<Call> filter) {
        return calls.stream().filter(filter).count();
    }

    public static Duration max(Collection<Call> calls) {
        return calls.stream().map(Call::duration).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /** The q-quantile (0..1) of the calls' durations. */
    public static Duration quantile(Collection<Call> calls, double q) {
        List<Duration> sorted = calls.stream().map(Call::duration).sorted().toList();
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int index = Math.max(0, (int) Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.min(sorted.size() - 1, index));
    }
}
