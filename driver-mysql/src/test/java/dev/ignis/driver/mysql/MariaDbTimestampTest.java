package dev.ignis.driver.mysql;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Microseconds survive the engine on MariaDB: Connector/J truncates temporal parameters to seconds there, so the
 * driver asks for text binding ({@code ignis.jdbc.bind_temporal_as_text}) and the engine's
 * {@link TemporalAsTextTypeContributor} binds them with {@code setString}. Skipped when MariaDB does not answer,
 * except under {@code CI=true}, where that is a failure.
 */
class MariaDbTimestampTest {
    /** The machine's MariaDB (root, no password); override with -Dignis.test.mariadb.server / .user / .password. */
    private static final String SERVER = System.getProperty("ignis.test.mariadb.server", "jdbc:mysql://127.0.0.1:3306/");
    private static final String USER = System.getProperty("ignis.test.mariadb.user", "root");
    private static final String PASSWORD = System.getProperty("ignis.test.mariadb.password", "");
    private static final String DATABASE = "ignis_ts";

    private static final Instant AT = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final LocalDateTime LOCAL = LocalDateTime.parse("2024-05-06T07:08:09.654321");

    private static Engine engine;
    private static TimestampDataSource dataSource;
    /** The datasource's SessionFactory, as the engine hands it to observers. */
    private static SessionFactory sessionFactory;
    /** Why MariaDB could not be reached, or null. */
    private static String unreachable;

    @BeforeAll
    static void start() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create database if not exists " + DATABASE);
        } catch (SQLException e) {
            unreachable = "MariaDB not reachable at " + SERVER + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(unreachable, e);
            }
            return;
        }
        dataSource = new TimestampDataSource(DataSourceConfig.named("MariaTs").driver("mariadb")
                .url(SERVER + DATABASE).user(USER).password(PASSWORD)
                .schemaAction(SchemaAction.CREATE).models(TimestampRow.class));
        engine = Engine.builder().dataSource(dataSource).observer((name, pool, factory) -> sessionFactory = factory).build().start();
    }

    /** Skips test by test (an assumption failing in {@code @BeforeAll} would not show as skipped in Surefire's counts). */
    @BeforeEach
    void requireMariaDb() {
        assumeTrue(unreachable == null, unreachable);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theDriverAsksForTextBindingAndTheEngineHonoursIt() {
        assertThat(new MariaDbDriverPlugin().hibernateSettings(dataSource.config()))
                .containsEntry(DriverPlugin.BIND_TEMPORAL_AS_TEXT, "true");
        // Instant maps to TIMESTAMP_UTC, LocalDateTime to TIMESTAMP: both binders are the contributor's.
        assertThat(jdbcTypeOf("happenedAt").getClass().getEnclosingClass()).isEqualTo(TemporalAsTextTypeContributor.class);
        assertThat(jdbcTypeOf("localAt").getClass().getEnclosingClass()).isEqualTo(TemporalAsTextTypeContributor.class);
    }

    @Test
    void microsecondsRoundTripAndMatchExactly() throws SQLException {
        CrudRepository<TimestampRow, String> rows = new CrudRepository<>(dataSource, TimestampRow.class);
        String id = rows.create(new TimestampRow(AT, LOCAL)).single().getId();

        TimestampRow read = rows.getById(id);
        assertThat(read.getHappenedAt()).isEqualTo(AT);
        assertThat(read.getLocalAt()).isEqualTo(LOCAL);

        // What the server stored, without Hibernate reading it back. With hibernate.jdbc.time_zone=UTC Hibernate
        // binds a LocalDateTime as the UTC wall clock of that time in the JVM's zone (the same with or without
        // text binding), so its column holds LOCAL itself only when the JVM runs in UTC.
        String storedLocal = LOCAL.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()
                .format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS"));
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select cast(happened_at as char), cast(local_at as char) from " + DATABASE
                     + ".ts_row where id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2024-05-06 07:08:09.123456");
            assertThat(rs.getString(2)).isEqualTo(storedLocal);
        }

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

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER, USER, PASSWORD);
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
