package dev.ignis.driver.mysql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtidPositionsTest {
    @Test
    void aReplicaHasAppliedAWriteOnceItsSequenceInTheWritesDomainIsAtLeastTheWrites() {
        assertThat(GtidPositions.reached("0-1-42", "0-1-42")).isTrue();
        assertThat(GtidPositions.reached("0-1-43", "0-1-42")).isTrue();
        assertThat(GtidPositions.reached("0-1-41", "0-1-42")).isFalse();
        // The sequence counts within the domain, whichever server wrote (e.g. after a switch of primary).
        assertThat(GtidPositions.reached("0-2-50", "0-1-42")).isTrue();
    }

    @Test
    void everyDomainOfTheWriteMustBeCoveredAndOtherDomainsDoNotCount() {
        assertThat(GtidPositions.reached("0-1-10,1-2-7", "1-2-7")).isTrue();
        assertThat(GtidPositions.reached("0-1-99", "1-2-7")).isFalse();
        assertThat(GtidPositions.reached("0-1-10,1-2-6", "0-1-10,1-2-7")).isFalse();
        assertThat(GtidPositions.reached("", "0-1-1")).isFalse();
        assertThat(GtidPositions.reached("0-1-1", "")).isTrue();
    }

    @Test
    void textThatIsNoGtidIsRefused() {
        assertThatThrownBy(() -> GtidPositions.reached("0/16B3748", "0-1-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0/16B3748");
    }
}
