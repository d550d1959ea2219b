package dev.ignis.driver.h2;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.engine.Engine;
import dev.ignis.engine.internal.boot.TemporalAsTextTypeContributor;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same microsecond round trip as {@code MariaDbTimestampTest}, on H2: the driver does not ask for text binding,
 * so the engine's {@link TemporalAsTextTypeContributor} leaves Hibernate's binders alone, and values still keep
 * their microseconds.
 */
class H2TimestampTest {
    private static final Instant AT = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final LocalDateTime LOCAL = LocalDateTime.parse("2024-05-06T07:08:09.654321");

    private static Engine engine;
    private static TimestampDataSource dataSource;
    /** The datasource's SessionFactory, as the engine hands it to observers. */
    private static SessionFactory sessionFactory;

    @BeforeAll
    static void start() {
        dataSource = new TimestampDataSource(DataSourceConfig.named("H2Ts").driver("h2").database("ignis_ts")
                .schemaAction(SchemaAction.CREATE).models(TimestampRow.class));
        engine = Engine.builder().dataSource(dataSource).observer((name, pool, factory) -> sessionFactory = factory).build().start();
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theDriverDoesNotAskForTextBindingSoHibernateBindersStay() {
        assertThat(new H2DriverPlugin().hibernateSettings(dataSource.config())).doesNotContainKey(DriverPlugin.BIND_TEMPORAL_AS_TEXT);
        assertThat(jdbcTypeOf("happenedAt").getClass().getEnclosingClass()).isNotEqualTo(TemporalAsTextTypeContributor.class);
        assertThat(jdbcTypeOf("localAt").getClass().getEnclosingClass()).isNotEqualTo(TemporalAsTextTypeContributor.class);
    }

    @Test
    void microsecondsRoundTripAndMatchExactly() {
        CrudRepository<TimestampRow, String> rows = new CrudRepository<>(dataSource, TimestampRow.class);
        String id = rows.create(new TimestampRow(AT, LOCAL)).single().getId();

        TimestampRow read = rows.getById(id);
        assertThat(read.getHappenedAt()).isEqualTo(AT);
        assertThat(read.getLocalAt()).isEqualTo(LOCAL);

        assertThat(rows.find(Filter.where("happenedAt", AT))).extracting(TimestampRow::getId).contains(id);
        assertThat(rows.find(Filter.where("happenedAt", AT.plusNanos(1_000)))).extracting(TimestampRow::getId).doesNotContain(id);
        assertThat(rows.find(Filter.where("localAt", LOCAL))).extracting(TimestampRow::getId).contains(id);
        assertThat(rows.find(Filter.where("localAt", LOCAL.plusNanos(1_000)))).extracting(TimestampRow::getId).doesNotContain(id);
    }

    /** The JDBC type Hibernate binds the attribute with, from the datasource's mapping model. */
    private static JdbcType jdbcTypeOf(String attribute) {
        return sessionFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().getEntityDescriptor(TimestampRow.class)
                .findAttributeMapping(attribute).getSingleJdbcMapping().getJdbcType();
    }

    public static final class TimestampDataSource extends BaseDataSource {
        TimestampDataSource(DataSourceConfig.Builder config) {
            super(config);
        }
    }

    /** A row with one {@code TIMESTAMP_UTC} ({@link Instant}) and one {@code TIMESTAMP} ({@link LocalDateTime}) column. */
    @Model
    @Entity
    @Table(name = "ts_row")
    public static class TimestampRow extends StringIdEntity {
        private Instant happenedAt;
        private LocalDateTime localAt;

        public TimestampRow() {
        }

        TimestampRow(Instant happenedAt, LocalDateTime localAt) {
            this.happenedAt = happenedAt;
            this.localAt = localAt;
        }

        public Instant getHappenedAt() {
            return happenedAt;
        }

        public void setHappenedAt(Instant happenedAt) {
            this.happenedAt = happenedAt;
        }

        public LocalDateTime getLocalAt() {
            return localAt;
        }

        public void setLocalAt(LocalDateTime localAt) {
            this.localAt = localAt;
        }
    }
}
