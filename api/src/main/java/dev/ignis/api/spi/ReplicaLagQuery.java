package dev.ignis.api.spi;

/**
 * How a replica tells how far it is behind its primary, for a lag gauge.
 *
 * @param sql           a query run on the replica
 * @param secondsColumn the column of its first row holding the lag in seconds (SQL NULL, or no row: unknown, e.g.
 *                      replication stopped)
 */
public record ReplicaLagQuery(String sql, String secondsColumn) {
}
