package dev.ignis.api.datasource;

/** How a read outside a transaction picks one of a datasource's healthy replicas. */
public enum ReplicaPolicy {
    /** Each read takes the next replica in turn. */
    ROUND_ROBIN,
    /** Each read takes the replica with the fewest reads of this engine in progress (ties: the first). */
    LEAST_PENDING
}
