package dev.ignis.resilience.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling with a deadline: the only way the tests wait for a state. */
public final class Wait {
    private static final Duration POLL = Duration.ofMillis(20);

    private Wait() {
    }

    /** Polls {@code condition} until it holds; fails with {@code what} (and {@code detail}) when the deadline passes. */
    public static Duration until(Duration timeout, String what, BooleanSupplier condition, Supplier<String> detail) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what + (detail == null ? "" : " (" + detail.get() + ")"));
            }
            pause(POLL);
        }
    }

    public static Duration until(Duration timeout, String what, BooleanSupplier condition) {
        return until(timeout, what, condition, null);
    }

    /** The interval between two polls; not a way to wait for something. */
    static void pause(Duration interval) {
        LockSupport.parkNanos(interval.toNanos());
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted while polling");
        }
    }
}
