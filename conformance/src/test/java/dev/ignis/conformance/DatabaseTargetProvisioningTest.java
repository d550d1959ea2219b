package dev.ignis.conformance;

import dev.ignis.conformance.ContainerProvider.Endpoint;
import dev.ignis.conformance.DatabaseTarget.Kind;
import dev.ignis.conformance.DatabaseTarget.Surroundings;
import dev.ignis.conformance.Provisioning.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DatabaseTarget#prepare()} in every situation, on fake servers ({@link FakeJdbc}) and a fake container provider. */
class DatabaseTargetProvisioningTest {
    private static final String LOCAL = FakeJdbc.url("local");
    private static final String CONFIGURED = FakeJdbc.url("configured");
    private static final String CONTAINER = FakeJdbc.url("container");

    private final List<String> log = new ArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final FakeProvider provider = new FakeProvider();

    @BeforeEach
    void reset() {
        FakeJdbc.reset();
    }

    private DatabaseTarget postgres(Map<String, String> env, boolean ci, Supplier<Optional<ContainerProvider>> containers) {
        Supplier<Optional<ContainerProvider>> counted = () -> {
            lookups.incrementAndGet();
            return containers.get();
        };
        return DatabaseTarget.create(Kind.POSTGRES, env::get, LOCAL, new Surroundings(ci, counted, log::add));
    }

    private DatabaseTarget postgres(Map<String, String> env, boolean ci) {
        return postgres(env, ci, () -> Optional.of(provider));
    }

    @Test
    void aConfiguredUrlIsAlwaysUsedAndNothingElseIsAsked() {
        FakeJdbc.up("configured");
        FakeJdbc.up("local");
        provider.docker = true;
        DatabaseTarget target = postgres(Map.of("IGNIS_PG_URL", CONFIGURED, "IGNIS_PG_USER", "app"), false);

        assertThat(target.prepare()).isEmpty();

        assertThat(target.provisioning()).map(Provisioning.Decision::source).contains(Source.CONFIGURED_URL);
        assertThat(target.url()).isEqualTo(CONFIGURED + "?currentSchema=" + DatabaseTarget.SCHEMA);
        assertThat(target.user()).isEqualTo("app");
        assertThat(FakeJdbc.EXECUTED).containsExactly(CONFIGURED + " | app | create schema if not exists ignis_conformance");
        assertThat(lookups).hasValue(0);
        assertThat(log).containsExactly("PostgreSQL conformance: using the configured server at " + CONFIGURED
                + " as app (IGNIS_PG_URL is set; a configured URL is always used)");
    }

    @Test
    void anUnreachableConfiguredUrlIsSkippedNotReplaced() {
        FakeJdbc.up("local");
        provider.docker = true;
        DatabaseTarget target = postgres(Map.of("IGNIS_PG_URL", CONFIGURED), false);

        assertThat(target.prepare()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("POSTGRES is not reachable at " + CONFIGURED + " as postgres (Connection refused: configured); ")
                .contains("pg_ctlcluster")
                .endsWith("The conformance suite for driver 'postgres' is skipped"));
        assertThat(FakeJdbc.EXECUTED).isEmpty();
        assertThat(lookups).hasValue(0);
        assertThat(provider.starts).hasValue(0);
        assertThat(target.url()).startsWith(CONFIGURED);
    }

    @Test
    void anUnreachableConfiguredUrlFailsUnderCi() {
        DatabaseTarget target = postgres(Map.of("IGNIS_PG_URL", CONFIGURED), true);

        assertThatThrownBy(target::prepare)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("not reachable at " + CONFIGURED)
                .hasMessageEndingWith("cannot run, and CI=true makes that a failure");
    }

    @Test
    void theLocalServerIsUsedWhenItAnswersAndDockerIsNotAsked() {
        FakeJdbc.up("local");
        provider.docker = true;
        DatabaseTarget target = postgres(Map.of(), false);

        assertThat(target.prepare()).isEmpty();

        assertThat(target.provisioning()).map(Provisioning.Decision::source).contains(Source.LOCAL_SERVER);
        assertThat(target.url()).isEqualTo(LOCAL + "?currentSchema=ignis_conformance");
        assertThat(target.user()).isEqualTo("postgres");
        assertThat(FakeJdbc.EXECUTED).containsExactly(LOCAL + " | postgres | create schema if not exists ignis_conformance");
        assertThat(lookups).hasValue(0);
        assertThat(provider.dockerChecks).hasValue(0);
        assertThat(log).containsExactly("PostgreSQL conformance: using local server at " + LOCAL
                + " as postgres (IGNIS_PG_URL not set; the local server answers)");
    }

    @Test
    void aContainerIsStartedWhenNoLocalServerAnswersButDockerDoes() {
        FakeJdbc.up("container");
        provider.docker = true;
        DatabaseTarget target = postgres(Map.of(), false);

        assertThat(target.prepare()).isEmpty();

        assertThat(target.provisioning()).map(Provisioning.Decision::source).contains(Source.TESTCONTAINERS);
        assertThat(provider.starts).hasValue(1);
        assertThat(target.url()).isEqualTo(CONTAINER + "?currentSchema=ignis_conformance");
        assertThat(target.user()).isEqualTo("test");
        assertThat(target.password()).isEqualTo("secret");
        assertThat(FakeJdbc.EXECUTED).containsExactly(CONTAINER + " | test | create schema if not exists ignis_conformance");
        assertThat(log).containsExactly("PostgreSQL conformance: using a Testcontainers postgres:15 container at " + CONTAINER
                + " as test (IGNIS_PG_URL not set; no local server answers; Docker does)");
        assertThat(String.join("\n", log)).doesNotContain("secret");
    }

    @Test
    void withoutDockerTheSuiteIsSkippedWithWhatIsNeeded() {
        DatabaseTarget target = postgres(Map.of(), false);

        assertThat(target.prepare()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("POSTGRES is not reachable at " + LOCAL + " as postgres (Connection refused: local); ")
                .contains("a contributor needs the local server (start it with: pg_ctlcluster")
                .contains("or a Docker engine with ignis-conformance-containers on the test class path (Testcontainers then starts postgres:15)")
                .contains("or IGNIS_PG_URL pointing at a server")
                .contains("(ignis-conformance-containers is on the test class path but no Docker engine answers)")
                .endsWith("is skipped"));
        assertThat(target.provisioning()).map(Provisioning.Decision::source).contains(Source.UNAVAILABLE);
        assertThat(provider.dockerChecks).hasValue(1);
        assertThat(provider.starts).hasValue(0);
        assertThat(log).containsExactly("PostgreSQL conformance: no database (IGNIS_PG_URL not set; no local server at " + LOCAL
                + " as postgres; ignis-conformance-containers is on the test class path but no Docker engine answers)");
    }

    @Test
    void withoutTheContainersModuleTheSuiteIsSkippedAndSaysSo() {
        DatabaseTarget target = postgres(Map.of(), false, Optional::empty);

        assertThat(target.prepare()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("(ignis-conformance-containers (Testcontainers) is not on the test class path)")
                .endsWith("is skipped"));
        assertThat(target.provisioning()).map(Provisioning.Decision::source).contains(Source.UNAVAILABLE);
    }

    @Test
    void withoutAnyServerCiFails() {
        DatabaseTarget target = postgres(Map.of(), true);

        assertThatThrownBy(target::prepare)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("a contributor needs the local server")
                .hasMessageContaining("Docker")
                .hasMessageEndingWith("cannot run, and CI=true makes that a failure");
    }

    @Test
    void aFailingContainerStartIsSkippedWithTheCause() {
        provider.docker = true;
        provider.failure = new IllegalStateException("image pull denied");
        DatabaseTarget target = postgres(Map.of(), false);

        assertThat(target.prepare()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("starting the Testcontainers postgres:15 container failed")
                .contains("image pull denied")
                .endsWith("is skipped"));
        assertThat(log).singleElement().asString().contains("container failed");
        assertThat(target.url()).startsWith(LOCAL);
    }

    @Test
    void aBrokenProviderLookupOrDockerCheckCountsAsNoContainer() {
        DatabaseTarget broken = postgres(Map.of(), false, () -> {
            throw new ServiceConfigurationError("provider class not found");
        });
        assertThat(broken.prepare()).hasValueSatisfying(reason -> assertThat(reason).contains("is not on the test class path"));

        provider.dockerFailure = new IllegalStateException("socket error");
        DatabaseTarget throwing = postgres(Map.of(), false);
        assertThat(throwing.prepare()).hasValueSatisfying(reason -> assertThat(reason).contains("no Docker engine answers"));
        assertThat(provider.starts).hasValue(0);
    }

    @Test
    void theChoiceIsLoggedOncePerTarget() {
        FakeJdbc.up("local");
        DatabaseTarget target = postgres(Map.of(), false);

        target.prepare();
        target.prepare();

        assertThat(log).hasSize(1);
        assertThat(FakeJdbc.EXECUTED).hasSize(2); // the schema is still (idempotently) ensured each time
    }

    @Test
    void copiesKeepTheChosenServer() {
        FakeJdbc.up("container");
        provider.docker = true;
        DatabaseTarget target = postgres(Map.of(), false);
        target.prepare();

        DatabaseTarget copy = target.withDriver("other");

        assertThat(copy.url()).isEqualTo(target.url());
        assertThat(copy.user()).isEqualTo("test");
        assertThat(copy.provisioning()).isEqualTo(target.provisioning());
    }

    @Test
    void h2NeverAsksForAContainer() {
        DatabaseTarget target = DatabaseTarget.create(Kind.H2, name -> null, LOCAL,
                new Surroundings(false, () -> {
                    lookups.incrementAndGet();
                    return Optional.of(provider);
                }, log::add));

        assertThat(target.prepare()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("H2 runs in memory; check the H2 driver plugin").endsWith("is skipped"));
        assertThat(lookups).hasValue(0);
        assertThat(log).containsExactly("H2 conformance: no database (IGNIS_H2_URL not set; no local server at " + LOCAL + " as sa)");
    }

    @Test
    void theRealLookupIsEmptyWhenTheContainersModuleIsAbsent() {
        // conformance's own tests do not have ignis-conformance-containers: the ServiceLoader lookup must simply be empty.
        assertThat(Surroundings.system().containers().get()).isEmpty();
    }

    @Test
    void mariadbContainersGetTheSuiteDatabase() {
        provider.docker = true;
        provider.endpoint = new Endpoint("jdbc:mysql://localhost:32771/test", "root", "secret");
        DatabaseTarget target = DatabaseTarget.create(Kind.MARIADB, name -> null, "jdbc:mysql://127.0.0.1:1/test",
                new Surroundings(false, () -> Optional.of(provider), log::add));

        assertThat(target.prepare()).isPresent(); // nothing listens on the fake container; the URL is what matters

        assertThat(target.url()).isEqualTo("jdbc:mysql://localhost:32771/ignis_conformance");
        assertThat(target.user()).isEqualTo("root");
        assertThat(log).singleElement().asString().startsWith("MariaDB conformance: using a Testcontainers mariadb:10.11 container at");
    }

    private static final class FakeProvider implements ContainerProvider {
        volatile boolean docker;
        volatile RuntimeException failure;
        volatile RuntimeException dockerFailure;
        volatile Endpoint endpoint = new Endpoint(CONTAINER, "test", "secret");
        final AtomicInteger dockerChecks = new AtomicInteger();
        final AtomicInteger starts = new AtomicInteger();

        @Override
        public boolean dockerAvailable() {
            dockerChecks.incrementAndGet();
            if (dockerFailure != null) {
                throw dockerFailure;
            }
            return docker;
        }

        @Override
        public Endpoint start(Kind kind) {
            starts.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return endpoint;
        }
    }
}
