package dev.ignis.metrics;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

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
