package dev.ignis.engine.internal.route;

import dev.ignis.api.datasource.ReplicaPolicy;
import dev.ignis.api.datasource.ReplicaSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two engines in one JVM may each have a datasource of the same name on other servers: a write through one must not
 * send the other's reads to its primary, nor let the other's replicas count as having applied it.
 */
class ReplicaRouterWrittenKeyTest {
    private static final ReplicaSettings MINUTE_WINDOW = new ReplicaSettings(List.of(), ReplicaPolicy.ROUND_ROBIN, Duration.ofMillis(500),
            Duration.ofSeconds(5), Duration.ofMinutes(1));

    @AfterEach
    void forget() {
        WrittenPositions.clear();
    }

    @Test
    void routersOfDataSourcesWithOneNameKeepTheirOwnWrites() throws SQLException {
        Replica first = new Replica("Db-replica-1", null);
        Replica second = new Replica("Db-replica-1", null);
        ReplicaRouter written = new ReplicaRouter("Db", List.of(first), MINUTE_WINDOW, null);
        ReplicaRouter other = new ReplicaRouter("Db", List.of(second), MINUTE_WINDOW, null);

        written.written(null); // no positions to ask (no driver): the write is remembered by its time
        ReadRoute route = ReadRoute.capture(false, false);

        assertThat(written.choose(route, new HashSet<>())).as("within the window, the writer's reads go to its primary").isNull();
        assertThat(other.choose(route, new HashSet<>())).as("the other engine's reads are not held back").isSameAs(second);
    }
}
