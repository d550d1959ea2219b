package dev.ignis.engine;

import javax.sql.DataSource;
import java.util.function.DoubleSupplier;

/**
 * A read replica of a started datasource, as {@link DataSourceObserver#replicaStarted} sees it: its read-only
 * connection pool (a HikariCP {@code HikariDataSource}, named {@code <datasource>-replica-<n>}) and its lag.
 */
public final class ReplicaPool {
    private final String dataSource;
    private final String name;
    private final DataSource pool;
    private final DoubleSupplier lag;

    ReplicaPool(String dataSource, String name, DataSource pool, DoubleSupplier lag) {
        this.dataSource = dataSource;
        this.name = name;
        this.pool = pool;
        this.lag = lag;
    }

    /** The datasource the replica serves reads of. */
    public String dataSource() {
        return dataSource;
    }

    /** The pool's name, {@code <datasource>-replica-<n>} (from 1, in configuration order). */
    public String name() {
        return name;
    }

    /** The replica's connection pool. */
    public DataSource pool() {
        return pool;
    }

    /**
     * How far the replica is behind its primary, in seconds, asked now with one query on a connection of its pool
     * (PostgreSQL: 0 when it replayed all WAL it received, else the time since the last replayed commit; MariaDB:
     * {@code Seconds_Behind_Master}). NaN when the driver cannot tell, the replica is out of the rotation after a
     * failure or unreachable, its replication is stopped, or the query ran past its 2 s timeout.
     */
    public double lagSeconds() {
        return lag.getAsDouble();
    }

    @Override
    public String toString() {
        return name;
    }
}
