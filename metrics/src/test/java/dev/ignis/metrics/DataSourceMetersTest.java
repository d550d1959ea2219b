package dev.ignis.metrics;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Pool and Hibernate statistics meters for each datasource of a real engine, from start to close. */
class DataSourceMetersTest {

    @Test
    void eachDataSourceGetsPoolAndHibernateMetersUntilItCloses() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TestDataSources.Notes notesDs = new TestDataSources.Notes("meters-test");
        TestDataSources.People people = new TestDataSources.People("meters-test");
        try (Engine engine = Engine.builder().dataSources(notesDs, people).observer(new DataSourceMeters(registry)).build().start()) {
            assertThat(engine.dataSources()).hasSize(2);
            CrudRepository<Note, String> notes = new CrudRepository<>(notesDs, Note.class);
            CrudRepository<Owner, String> owners = new CrudRepository<>(people, Owner.class);
            owners.createAll(List.of(new Owner("o1", "Ada")));
            notes.createAll(List.of(new Note("n1", "first", "o1"), new Note("n2", "second", "o1")));
            assertThat(notes.find(Filter.empty().include("owner"))).hasSize(2);

            for (String pool : List.of("Notes", "People")) {
                assertThat(registry.get("hikaricp.connections").tag("pool", pool).gauge().value()).as(pool).isPositive();
                assertThat(registry.get("hikaricp.connections.max").tag("pool", pool).gauge().value()).as(pool).isPositive();
                assertThat(registry.get("hikaricp.connections.acquire").tag("pool", pool).timer().count())
                        .as("connections taken from %s since its meters were bound", pool).isPositive();
                assertThat(registry.get(DataSourceMeters.SESSIONS).tags("datasource", pool, "state", "opened")
                        .functionCounter().count()).as(pool).isPositive();
                assertThat(registry.get(DataSourceMeters.QUERIES).tag("datasource", pool).functionCounter().count())
                        .as("the find on Notes, the include's lookup on People").isPositive();
            }
            assertThat(registry.get(DataSourceMeters.QUERY_MAX).tag("datasource", "Notes").timeGauge()).isNotNull();
            assertThat(registry.get(DataSourceMeters.ENTITIES).tags("datasource", "Notes", "action", "insert").functionCounter()).isNotNull();
            assertThat(registry.get(DataSourceMeters.TRANSACTIONS).tags("datasource", "Notes", "result", "failure")
                    .functionCounter().count()).isZero();
        }
        assertThat(registry.find(DataSourceMeters.SESSIONS).meters()).as("removed when the datasource closed").isEmpty();
        assertThat(registry.find("hikaricp.connections").meters()).as("HikariCP's tracker removes its meters with the pool").isEmpty();
        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(id -> id.getName())
                .noneMatch(name -> name.startsWith("hibernate."));
    }

    @Test
    void replicaPoolsGetHikariMetersAndALagGaugeUntilTheirDataSourceCloses() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String url = "jdbc:h2:mem:meters-replica-test-people;DB_CLOSE_DELAY=-1";
        // The replica is the primary's own database under a second, read-only pool: enough to see its meters.
        BaseDataSource peopleDs = new BaseDataSource(DataSourceConfig.named("People").driver("h2").url(url)
                .schemaAction(SchemaAction.CREATE).models(Owner.class).replica(url)) {
        };
        try (Engine engine = Engine.builder().dataSources(peopleDs).observer(new DataSourceMeters(registry)).build().start()) {
            assertThat(engine.dataSources()).hasSize(1);
            CompletableFuture.runAsync(() -> new CrudRepository<>(peopleDs, Owner.class).find(), r -> new Thread(r, "reader").start()).join();
            assertThat(registry.get("hikaricp.connections.acquire").tag("pool", "People-replica-1").timer().count())
                    .as("the read took a connection of the replica's pool").isPositive();
            assertThat(registry.get("hikaricp.connections.max").tag("pool", "People-replica-1").gauge().value()).isPositive();
            assertThat(registry.get(DataSourceMeters.REPLICA_LAG).tags("datasource", "People", "pool", "People-replica-1").gauge().value())
                    .as("H2 reports no lag").isNaN();
        }
        assertThat(registry.find(DataSourceMeters.REPLICA_LAG).meters()).as("removed when the datasource closed").isEmpty();
        assertThat(registry.find("hikaricp.connections").meters()).isEmpty();
    }

    @Test
    void hibernateStatisticsCanBeLeftOff() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TestDataSources.People people = new TestDataSources.People("meters-off-test");
        try (Engine engine = Engine.builder().dataSources(people).observer(new DataSourceMeters(registry, false)).build().start()) {
            assertThat(engine.dataSources()).hasSize(1);
            new CrudRepository<>(people, Owner.class).find();
            assertThat(registry.find("hikaricp.connections").tag("pool", "People").gauge()).isNotNull();
            assertThat(registry.find(DataSourceMeters.SESSIONS).meters()).isEmpty();
        }
    }
}
