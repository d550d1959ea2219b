package dev.ignis.conformance;

import dev.ignis.conformance.DatabaseTarget.Kind;
import dev.ignis.conformance.Provisioning.Decision;
import dev.ignis.conformance.Provisioning.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisioningTest {

    /** Every combination of the three inputs: a configured URL wins, then a local server, then Docker, else nothing. */
    @ParameterizedTest(name = "configured={0} local={1} docker={2} -> {3}")
    @CsvSource({
            "true,  true,  true,  CONFIGURED_URL",
            "true,  true,  false, CONFIGURED_URL",
            "true,  false, true,  CONFIGURED_URL",
            "true,  false, false, CONFIGURED_URL",
            "false, true,  true,  LOCAL_SERVER",
            "false, true,  false, LOCAL_SERVER",
            "false, false, true,  TESTCONTAINERS",
            "false, false, false, UNAVAILABLE",
    })
    void decidesInOrderConfiguredLocalDockerNothing(boolean configured, boolean local, boolean docker, Source expected) {
        Decision decision = Provisioning.decide(configured, local, docker);

        assertThat(decision.source()).isEqualTo(expected);
        assertThat(decision.reason()).isNotBlank();
    }

    @Test
    void reasonsSayWhy() {
        assertThat(Provisioning.decide(true, false, false).reason()).contains("configured explicitly").contains("always used");
        assertThat(Provisioning.decide(false, true, false).reason()).contains("local server answers");
        assertThat(Provisioning.decide(false, false, true).reason()).contains("Docker engine does");
        assertThat(Provisioning.decide(false, false, false).reason()).contains("no container can be started");
    }

    @Test
    void logLines() {
        String where = "jdbc:postgresql://127.0.0.1:5432/test as postgres";
        assertThat(Provisioning.describe(Kind.POSTGRES, Provisioning.decide(true, false, false), where, null))
                .isEqualTo("PostgreSQL conformance: using the configured server at " + where
                        + " (IGNIS_PG_URL is set; a configured URL is always used)");
        assertThat(Provisioning.describe(Kind.POSTGRES, Provisioning.decide(false, true, false), where, null))
                .isEqualTo("PostgreSQL conformance: using local server at " + where
                        + " (IGNIS_PG_URL not set; the local server answers)");
        assertThat(Provisioning.describe(Kind.MARIADB, Provisioning.decide(false, false, true),
                "jdbc:mysql://localhost:32771/test as root", null))
                .isEqualTo("MariaDB conformance: using a Testcontainers mariadb:10.11 container at "
                        + "jdbc:mysql://localhost:32771/test as root (IGNIS_MARIADB_URL not set; no local server answers; Docker does)");
        assertThat(Provisioning.describe(Kind.POSTGRES, Provisioning.decide(false, false, false), where, "no Docker engine answers"))
                .isEqualTo("PostgreSQL conformance: no database (IGNIS_PG_URL not set; no local server at " + where
                        + "; no Docker engine answers)");
        assertThat(Provisioning.describe(Kind.H2, Provisioning.decide(false, true, false), "jdbc:h2:mem:x as sa", null))
                .isEqualTo("H2 conformance: using the in-memory database at jdbc:h2:mem:x as sa (IGNIS_H2_URL not set)");
    }

    @Test
    void imagesAreTheSupportedVersions() {
        assertThat(ContainerProvider.image(Kind.POSTGRES)).isEqualTo("postgres:15");
        assertThat(ContainerProvider.image(Kind.MARIADB)).isEqualTo("mariadb:10.11");
    }
}
