package dev.ignis.engine.internal.route;

import dev.ignis.api.spi.ReplicationPositions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class WrittenPositionsTest {
    /** "domain-server-sequence" positions, one domain each, as MariaDB's {@code @@last_gtid}: a later one of another domain covers nothing. */
    private static final ReplicationPositions.Order PER_DOMAIN = (applied, written) -> {
        String[] w = written.split("-");
        return Arrays.stream(applied.split(",")).map(a -> a.split("-"))
                .anyMatch(a -> a[0].equals(w[0]) && Long.parseLong(a[2]) >= Long.parseLong(w[2]));
    };

    @AfterEach
    void forget() {
        WrittenPositions.clear();
    }

    @Test
    void aThreadKeepsItsWritesInEveryDomainUntilALaterPositionCoversThem() {
        WrittenPositions.record("Db", "1-1-10", PER_DOMAIN);
        WrittenPositions.record("Db", "0-1-5", PER_DOMAIN);
        assertThat(WrittenPositions.snapshot().get("Db").positions()).containsExactlyInAnyOrder("1-1-10", "0-1-5");

        WrittenPositions.record("Db", "1-1-11", PER_DOMAIN);
        assertThat(WrittenPositions.snapshot().get("Db").positions()).containsExactlyInAnyOrder("1-1-11", "0-1-5");
    }

    @Test
    void aWriteOfUnknownPositionLeavesNoReplicaCaughtUp() {
        WrittenPositions.record("Db", "0-1-5", PER_DOMAIN);
        WrittenPositions.record("Db", null, PER_DOMAIN);
        assertThat(WrittenPositions.snapshot().get("Db").unknown()).isTrue();
    }
}
