package dev.ignis.conformance.containers;

import dev.ignis.conformance.ContainerProvider;
import dev.ignis.conformance.DatabaseTarget;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.JdbcDatabaseContainer;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Needs no Docker: checks the registration and the containers' settings, never starts one. */
class TestcontainersProviderTest {

    @Test
    void isFoundByTheSuitesServiceLookup() {
        assertThat(ServiceLoader.load(ContainerProvider.class))
                .singleElement().isInstanceOf(TestcontainersProvider.class);
    }

    @Test
    void dockerAvailabilityIsAnsweredWithoutThrowingAndCached() {
        TestcontainersProvider provider = new TestcontainersProvider();
        boolean first = provider.dockerAvailable();
        assertThat(provider.dockerAvailable()).isEqualTo(first);
    }

    @Test
    void h2HasNoContainer() {
        assertThatThrownBy(() -> new TestcontainersProvider().start(DatabaseTarget.Kind.H2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in memory");
    }

    // (The image names are checked in conformance's ProvisioningTest: reading them back here would need Docker.)

    @Test
    void postgresUsesItsOwnDriver() {
        JdbcDatabaseContainer<?> c = TestcontainersProvider.container(DatabaseTarget.Kind.POSTGRES,
                ContainerProvider.image(DatabaseTarget.Kind.POSTGRES));
        assertThat(c.getDriverClassName()).isEqualTo("org.postgresql.Driver");
        assertThat(c.getUsername()).isEqualTo("test");
    }

    @Test
    void mariadbRunsAsRootThroughConnectorJ() {
        JdbcDatabaseContainer<?> c = TestcontainersProvider.container(DatabaseTarget.Kind.MARIADB,
                ContainerProvider.image(DatabaseTarget.Kind.MARIADB));
        assertThat(c.getUsername()).isEqualTo("root");
        assertThat(c.getPassword()).isNotEmpty();
        assertThat(c.getDriverClassName()).isEqualTo("com.mysql.cj.jdbc.Driver");
    }
}
