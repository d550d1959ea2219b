package dev.ignis.api.datasource;

import java.time.Duration;
import java.util.List;

/**
 * The read replicas of a datasource and how reads use them; see {@link DataSourceConfig.Builder#replica(String)}.
 *
 * @param replicas           the replicas, in the order given (replica {@code n} has the pool {@code <datasource>-replica-<n>}, from 1)
 * @param policy             how a read picks a healthy replica
 * @param connectionTimeout  how long a read waits for a replica's connection before trying the next replica or the primary
 * @param retryAfter         how long a replica that failed stays out of the rotation before it is tried again
 * @param readYourWritesWindow for databases without comparable replication positions: how long after a write the same
 *                           thread's reads of the datasource go to the primary
 */
public record ReplicaSettings(List<ReplicaConfig> replicas, ReplicaPolicy policy, Duration connectionTimeout, Duration retryAfter,
                              Duration readYourWritesWindow) {
    public static final ReplicaSettings NONE = new ReplicaSettings(List.of(), ReplicaPolicy.ROUND_ROBIN, Duration.ofMillis(500),
            Duration.ofSeconds(5), Duration.ofSeconds(2));

    public ReplicaSettings {
        replicas = List.copyOf(replicas);
    }

    public boolean isEmpty() {
        return replicas.isEmpty();
    }

    ReplicaSettings withReplica(ReplicaConfig replica) {
        List<ReplicaConfig> more = new java.util.ArrayList<>(replicas);
        more.add(replica);
        return new ReplicaSettings(more, policy, connectionTimeout, retryAfter, readYourWritesWindow);
    }

    ReplicaSettings withPolicy(ReplicaPolicy value) {
        return new ReplicaSettings(replicas, value, connectionTimeout, retryAfter, readYourWritesWindow);
    }

    ReplicaSettings withConnectionTimeout(Duration value) {
        return new ReplicaSettings(replicas, policy, value, retryAfter, readYourWritesWindow);
    }

    ReplicaSettings withRetryAfter(Duration value) {
        return new ReplicaSettings(replicas, policy, connectionTimeout, value, readYourWritesWindow);
    }

    ReplicaSettings withReadYourWritesWindow(Duration value) {
        return new ReplicaSettings(replicas, policy, connectionTimeout, retryAfter, value);
    }

    /** The problems of these settings, for the configuration's validation. */
    List<String> problems() {
        List<String> problems = new java.util.ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            String url = replicas.get(i).url();
            if (url == null || !url.startsWith("jdbc:")) {
                problems.add("replica " + (i + 1) + " needs a JDBC URL starting with 'jdbc:' (got '" + DataSourceConfig.redactUrl(url) + "')");
            }
        }
        if (policy == null) {
            problems.add("replicaPolicy must not be null");
        }
        if (connectionTimeout == null || connectionTimeout.toMillis() < 250) {
            problems.add("replicaConnectionTimeout must be at least 250 ms");
        }
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            problems.add("replicaRetryAfter must be positive");
        }
        if (readYourWritesWindow == null || readYourWritesWindow.isNegative()) {
            problems.add("readYourWritesWindow must not be negative");
        }
        return problems;
    }
}
