package dev.ignis.engine.internal.route;

import dev.ignis.api.datasource.ReplicaPolicy;
import dev.ignis.api.datasource.ReplicaSettings;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.ReplicaLagQuery;
import dev.ignis.api.spi.ReplicationPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses where a read of one datasource runs, before any connection is taken: one of its healthy replicas (by the
 * configured policy) that has applied what this thread wrote, or the primary (null). Tracks failures (a replica that
 * failed is left out for the backoff) and, on databases that report them, replication positions.
 */
public final class ReplicaRouter {
    /** How often a replica's position is asked again while a read waits for it to catch up. */
    static final long PROBE_INTERVAL_NANOS = 5_000_000L;
    /** How long the lag query may run before the gauge reads NaN. */
    static final int LAG_QUERY_TIMEOUT_SECONDS = 2;

    private static final ThreadLocal<Replica> ACTIVE = new ThreadLocal<>();
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRouter.class);
    /** Numbers the routers of this JVM, so that each keeps its own written positions (see {@link #writtenKey}). */
    private static final AtomicLong ROUTERS = new AtomicLong();

    private final String dataSource;
    /**
     * The key of this router's entries in {@link WrittenPositions}: its datasource's name made unique per router, so that
     * two engines in one JVM with a datasource of the same name (on other servers) never read each other's writes.
     */
    private final String writtenKey;
    /** Replicas whose reported position could not be compared with a written one: logged once each. */
    private final Set<Replica> unreadableLogged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Replica> replicas;
    private final ReplicaSettings settings;
    private final ReplicationPositions positions;
    private final ReplicaLagQuery lag;
    private final AtomicInteger turn = new AtomicInteger();

    /** Routes reads of {@code dataSource} to {@code replicas}, comparing positions and asking lag as {@code driver} tells. */
    public ReplicaRouter(String dataSource, List<Replica> replicas, ReplicaSettings settings, DriverPlugin driver) {
        this.dataSource = dataSource;
        this.writtenKey = dataSource + "#" + ROUTERS.incrementAndGet();
        this.replicas = List.copyOf(replicas);
        this.settings = settings;
        this.positions = driver == null ? null : driver.replicationPositions();
        this.lag = driver == null ? null : driver.replicaLag();
    }

    /** A router of a datasource without replicas: every read goes to the primary. */
    public static ReplicaRouter none(String dataSource) {
        return new ReplicaRouter(dataSource, List.of(), ReplicaSettings.NONE, null);
    }

    /**
     * How far {@code replica} is behind its primary, in seconds, asked now on a connection of its pool; NaN when the
     * database cannot tell, the replica is out of the rotation or unreachable, or its replication is stopped.
     */
    public double lagSeconds(Replica replica) {
        if (lag == null || !replica.usable(System.nanoTime())) {
            return Double.NaN;
        }
        try (Connection c = replica.pool().getConnection(); Statement s = c.createStatement()) {
            // A metrics scrape asks this: a replica that stops answering must not hold the scrape's thread. The query
            // timeout bounds a slow server; the network timeout a server gone silent (the pool resets it on return).
            c.setNetworkTimeout(Runnable::run, (LAG_QUERY_TIMEOUT_SECONDS + 1) * 1000);
            s.setQueryTimeout(LAG_QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery(lag.sql())) {
                if (!rs.next()) {
                    return Double.NaN;
                }
                double seconds = rs.getDouble(lag.secondsColumn());
                return rs.wasNull() ? Double.NaN : seconds;
            }
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    public static Replica replica(String poolName, com.zaxxer.hikari.HikariDataSource pool) {
        return new Replica(poolName, pool);
    }

    public boolean isEmpty() {
        return replicas.isEmpty();
    }

    public List<Replica> replicas() {
        return replicas;
    }

    /**
     * The replica this read should use, or null for the primary: the route forbids replicas, none is usable and not
     * yet {@code tried}, or none has applied this thread's last write to the datasource.
     */
    public Replica choose(ReadRoute route, Set<Replica> tried) {
        if (replicas.isEmpty() || route.primaryOnly()) {
            return null;
        }
        long now = System.nanoTime();
        WrittenPositions.Written written = route.written().get(writtenKey);
        if (written != null && positions == null && now - written.atNanos() < settings.readYourWritesWindow().toNanos()) {
            return null;
        }
        if (written != null && positions != null && written.unknown()) {
            return null;
        }
        List<Replica> candidates = new ArrayList<>(replicas.size());
        for (Replica replica : replicas) {
            if (replica.usable(now) && !tried.contains(replica)
                    && (written == null || positions == null || caughtUp(replica, written.positions(), now))) {
                candidates.add(replica);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (settings.policy() == ReplicaPolicy.LEAST_PENDING) {
            Replica best = candidates.get(0);
            for (Replica replica : candidates) {
                if (replica.pending() < best.pending()) {
                    best = replica;
                }
            }
            return best;
        }
        return candidates.get(Math.floorMod(turn.getAndIncrement(), candidates.size()));
    }

    /** Whether {@code replica} has applied every one of {@code written}, asking it again when the cached answer is too old. */
    private boolean caughtUp(Replica replica, List<String> written, long now) {
        if (applied(replica, replica.position(), written)) {
            return true;
        }
        if (!replica.claimProbe(now, PROBE_INTERVAL_NANOS)) {
            return false;
        }
        try (Connection c = replica.pool().getConnection()) {
            replica.position(queryText(c, positions.replicaSql()));
        } catch (SQLException e) {
            failed(replica, e);
            return false;
        }
        return applied(replica, replica.position(), written);
    }

    /**
     * A position the database could not compare counts as not reached: the read goes elsewhere, at last to the primary
     * (logged once per replica, since every read after a write then goes to the primary).
     */
    private boolean applied(Replica replica, String applied, List<String> written) {
        if (written.isEmpty()) {
            return true;
        }
        if (applied == null || applied.isBlank()) {
            return false;
        }
        try {
            for (String position : written) {
                if (!positions.order().reached(applied, position)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException unreadable) {
            if (unreadableLogged.add(replica)) {
                LOG.warn("Replica {} of datasource {} reports position '{}', which cannot be compared with the written {}; reads "
                        + "after writes go to the primary: {}", replica.poolName(), dataSource, applied, written, unreadable.toString());
            }
            return false;
        }
    }

    /**
     * After a write was committed on the primary: remembers, for later reads of this thread and of its read-your-writes
     * scope, the primary's position (queried on {@code primary}, the connection of the write) or only the time of the write.
     */
    public void written(Connection primary) throws SQLException {
        if (replicas.isEmpty()) {
            return;
        }
        if (positions == null) {
            WrittenPositions.record(writtenKey, "", null);
            return;
        }
        String position = queryText(primary, positions.primarySql());
        WrittenPositions.record(writtenKey, position == null ? "" : position, positions.order());
    }

    /**
     * After a write whose position could not be asked: no replica counts as caught up for this thread's reads of the
     * datasource until its next write reports one.
     */
    public void writtenAtUnknownPosition() {
        WrittenPositions.record(writtenKey, null, positions == null ? null : positions.order());
    }

    /** Whether a write must report its position: only datasources with replicas track them. */
    public boolean tracksWrites() {
        return !replicas.isEmpty();
    }

    /**
     * A replica failed to give a connection or lost it mid-statement: it leaves the rotation for the backoff. A pool
     * merely busy (a timeout without a connection failure behind it) is not a failure of the replica.
     */
    public void failed(Replica replica, Throwable cause) {
        if (!(cause instanceof java.sql.SQLTransientConnectionException) || cause.getCause() != null) {
            replica.markDown(settings.retryAfter().toNanos());
        }
    }

    /** The replica served a read: it is back in the rotation if it had failed. */
    public void served(Replica replica) {
        replica.markUp();
    }

    /** Runs {@code work} with {@code replica} (null: the primary) as the thread's serving replica for statement reports. */
    public static <T> T serving(Replica replica, java.util.function.Supplier<T> work) {
        return ThreadBinding.with(ACTIVE, replica, work);
    }

    /** The replica serving this datasource's statements on this thread, or null when the primary does. */
    public Replica active() {
        Replica replica = ACTIVE.get();
        return replica != null && replicas.contains(replica) ? replica : null;
    }

    public void close() {
        RuntimeException failure = null;
        for (Replica replica : replicas) {
            try {
                replica.pool().close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The first column of the first row as text, or null. */
    private static String queryText(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
