package dev.ignis.api.repository;

import java.time.Duration;
import java.util.Objects;

/**
 * A row lock a read takes on the rows it returns (the root rows only; included relations are read without locks).
 * Allowed only inside {@code dataSource.transaction(...)}; the lock lasts until that transaction ends.
 * <pre>{@code
 * QueryOptions.lock(RowLock.forUpdate().skipLocked())   // the job-queue claim
 * QueryOptions.lock(RowLock.forShare().nowait())
 * QueryOptions.lock(RowLock.forUpdate().waitAtMost(Duration.ofSeconds(2)))
 * }</pre>
 *
 * @param strength {@link Strength#FOR_UPDATE} (exclusive) or {@link Strength#FOR_SHARE}
 * @param waitPolicy what to do about rows another transaction holds
 * @param timeout how long {@link WaitPolicy#WAIT} waits at most; null for the database's own lock timeout
 */
public record RowLock(Strength strength, WaitPolicy waitPolicy, Duration timeout) {
    public enum Strength { FOR_UPDATE, FOR_SHARE }

    public enum WaitPolicy {
        /** Wait for the other transaction (at most {@link #timeout()} if given). */
        WAIT,
        /** Fail at once with a {@code LockException}. */
        NOWAIT,
        /** Leave locked rows out of the result. */
        SKIP_LOCKED
    }

    public RowLock {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(waitPolicy, "waitPolicy");
        if (timeout != null && (waitPolicy != WaitPolicy.WAIT || timeout.isNegative())) {
            throw new IllegalArgumentException("a lock timeout needs WAIT and must not be negative, got " + waitPolicy + " " + timeout);
        }
    }

    public static RowLock forUpdate() {
        return new RowLock(Strength.FOR_UPDATE, WaitPolicy.WAIT, null);
    }

    public static RowLock forShare() {
        return new RowLock(Strength.FOR_SHARE, WaitPolicy.WAIT, null);
    }

    public RowLock nowait() {
        return new RowLock(strength, WaitPolicy.NOWAIT, null);
    }

    public RowLock skipLocked() {
        return new RowLock(strength, WaitPolicy.SKIP_LOCKED, null);
    }

    public RowLock waitAtMost(Duration limit) {
        return new RowLock(strength, WaitPolicy.WAIT, Objects.requireNonNull(limit, "limit"));
    }

    @Override
    public String toString() {
        return strength + " " + waitPolicy + (timeout == null ? "" : " " + timeout.toMillis() + "ms");
    }
}
