package dev.ignis.api.spi;

/**
 * How a database tells how far replication has come, for read-your-writes: two queries of one {@code bigint} column
 * each, positions that only grow and compare as numbers.
 *
 * @param primarySql on the primary, after a write: the position that holds the write (e.g. PostgreSQL's current WAL LSN)
 * @param replicaSql on a replica: the position it has applied up to (null when it is not replaying)
 */
public record ReplicationPositions(String primarySql, String replicaSql) {
}
