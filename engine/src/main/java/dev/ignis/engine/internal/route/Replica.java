package dev.ignis.engine.internal.route;

import com.zaxxer.hikari.HikariDataSource;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One read replica of a datasource: its read-only pool, whether it is in the rotation, how many reads of this engine
 * it serves now, and the last replication position it reported.
 */
public final class Replica {
    private final String poolName;
    private final HikariDataSource pool;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long downUntilNanos;
    private volatile boolean down;
    /** The position it last reported (null: none yet, or it is not replaying). */
    private volatile String position;
    private final AtomicLong positionCheckedNanos = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);

    Replica(String poolName, HikariDataSource pool) {
        this.poolName = poolName;
        this.pool = pool;
    }

    /** {@code <datasource>-replica-<n>}. */
    public String poolName() {
        return poolName;
    }

    public HikariDataSource pool() {
        return pool;
    }

    /** Reads of this engine running on the replica now. */
    public int pending() {
        return pending.get();
    }

    public void started() {
        pending.incrementAndGet();
    }

    public void finished() {
        pending.decrementAndGet();
    }

    /** In the rotation: never failed, or its backoff has passed (then the next read tries it again). */
    boolean usable(long nowNanos) {
        return !down || nowNanos - downUntilNanos >= 0;
    }

    void markDown(long retryAfterNanos) {
        downUntilNanos = System.nanoTime() + retryAfterNanos;
        down = true;
    }

    void markUp() {
        down = false;
    }

    String position() {
        return position;
    }

    void position(String value) {
        position = value;
    }

    /** Claims the next position probe if the last one is older than {@code intervalNanos}: one thread probes at a time. */
    boolean claimProbe(long nowNanos, long intervalNanos) {
        long last = positionCheckedNanos.get();
        return nowNanos - last >= intervalNanos && positionCheckedNanos.compareAndSet(last, nowNanos);
    }

    @Override
    public String toString() {
        return poolName;
    }
}
