package dev.ignis.api.spi;

/**
 * How a database tells how far replication has come, for read-your-writes: a query on the primary for the position
 * that holds a write, a query on a replica for the position it has applied, and how the two compare. Each query
 * returns one row of one column, read as text.
 *
 * @param primarySql on the primary, on the connection of a committed write: the position that holds the write
 *                   (PostgreSQL: the current WAL LSN; MariaDB: the session's last GTID); null or empty: nothing to wait for
 * @param replicaSql on a replica: the position it has applied up to (null when it is not replaying)
 * @param order      whether an applied position includes a written one
 */
public record ReplicationPositions(String primarySql, String replicaSql, Order order) {
    /** Positions that are whole numbers growing with every write (e.g. a WAL byte position). */
    public static final Order NUMERIC = (applied, written) -> Long.parseLong(applied.trim()) >= Long.parseLong(written.trim());

    /** Numeric positions ({@link #NUMERIC}). */
    public ReplicationPositions(String primarySql, String replicaSql) {
        this(primarySql, replicaSql, NUMERIC);
    }

    /** How positions compare. */
    @FunctionalInterface
    public interface Order {
        /** Whether a replica that has applied up to {@code applied} has applied {@code written}; neither is null. */
        boolean reached(String applied, String written);
    }
}
