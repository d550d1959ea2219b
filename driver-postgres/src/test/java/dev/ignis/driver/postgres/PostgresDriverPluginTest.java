package dev.ignis.driver.postgres;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.IsolationLevel;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.ErrorKind;
import dev.ignis.api.spi.ValueKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.ignis.api.spi.UpsertStatement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PostgresDriverPluginTest {
    /** The machine's PostgreSQL (trust auth); override with -Dignis.test.postgres.url / .user. */
    private static final String URL = System.getProperty("ignis.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("ignis.test.postgres.user", "postgres");

    private final PostgresDriverPlugin plugin = new PostgresDriverPlugin();

    @Test
    void isFoundByServiceLoaderUnderItsNameAndAlias() {
        assertThat(ServiceLoader.load(DriverPlugin.class).stream().map(p -> p.get().name())).contains("postgres");
        assertThat(plugin.name()).isEqualTo("postgres");
        assertThat(plugin.aliases()).containsExactly("postgresql");
    }

    @Test
    void buildsUrlFromHostPortDatabaseWithDefaults() {
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Pg").driver("postgres").database("app").user("u").password("secret").build()))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/app").doesNotContain("secret").doesNotContain("u@");
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Pg").driver("postgres").host("db.example.com").port(6432).database("app").build()))
                .isEqualTo("jdbc:postgresql://db.example.com:6432/app");
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Pg").driver("postgres").host("fe80::1").database("app").build()))
                .isEqualTo("jdbc:postgresql://[fe80::1]:5432/app");
    }

    @Test
    void keepsAPostgresUrlAndRejectsOthers() {
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Pg").driver("postgres").url("jdbc:postgresql://h:5432/db?sslmode=require").build()))
                .isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require");
        DataSourceConfig wrong = DataSourceConfig.named("CoreDb").driver("postgres").url("jdbc:mysql://h/db?password=secret").build();
        assertThatThrownBy(() -> plugin.jdbcUrl(wrong))
                .isInstanceOf(DataSourceConfigException.class)
                .hasMessageContaining("CoreDb").hasMessageContaining("'postgres'").hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
    }

    @Test
    void rejectsBadHostAndDatabaseNames() {
        assertThatThrownBy(() -> plugin.jdbcUrl(DataSourceConfig.named("Pg").driver("postgres").database("app?user=x").build()))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("Pg").hasMessageContaining("database");
        assertThatThrownBy(() -> plugin.jdbcUrl(DataSourceConfig.named("Pg").driver("postgres").host("h/evil").database("app").build()))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("host");
    }

    @Test
    void settingsNameTheDialectAndUtc() {
        var settings = plugin.hibernateSettings(DataSourceConfig.named("Pg").driver("postgres").database("app").build());
        assertThat(settings).as("Hibernate detects PostgreSQL from the connection; the engine sets time zone and batching")
                .doesNotContainKey("hibernate.dialect")
                .as("instants read through OffsetDateTime, which pgjdbc supports")
                .containsOnly(Map.entry("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP_WITH_TIMEZONE"));
    }

    @Test
    void transactionPoolingTurnsServerSidePreparedStatementsOffAndRefusesAThresholdThatWouldUseThem() {
        DataSourceConfig pooled = DataSourceConfig.named("Pooled").driver("postgres").url("jdbc:postgresql://h:6432/app")
                .transactionPooling(true).build();
        assertThat(plugin.connectionDefaults(pooled)).containsEntry("prepareThreshold", "0").containsEntry("reWriteBatchedInserts", "true");
        assertThat(plugin.connectionDefaults(pooled.toBuilder().transactionPooling(false).build())).containsEntry("prepareThreshold", "3");
        assertThat(plugin.jdbcUrl(pooled)).isEqualTo("jdbc:postgresql://h:6432/app");
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Pooled").driver("postgres").url("jdbc:postgresql://h:6432/app?prepareThreshold=0")
                .transactionPooling(true).build())).endsWith("prepareThreshold=0");

        assertThatThrownBy(() -> plugin.jdbcUrl(DataSourceConfig.named("Pooled").driver("postgres")
                .url("jdbc:postgresql://h:6432/app?ssl=false&prepareThreshold=5").transactionPooling(true).build()))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("Pooled").hasMessageContaining("prepareThreshold=5");
        assertThatThrownBy(() -> plugin.jdbcUrl(DataSourceConfig.named("Pooled").driver("postgres").host("h").database("app")
                .property("PrepareThreshold", "1").transactionPooling(true).build()))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("prepareThreshold=1");
        assertThatThrownBy(() -> plugin.jdbcUrl(DataSourceConfig.named("Pooled").driver("postgres")
                .url("jdbc:postgresql://h:6432/app?preparethreshold=2").transactionPooling(true).build()))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("prepareThreshold=2");
        // pgjdbc lets the URL override the properties: a 0 in the properties does not excuse a 5 in the URL.
        assertThatThrownBy(() -> plugin.jdbcUrl(DataSourceConfig.named("Pooled").driver("postgres")
                .url("jdbc:postgresql://h:6432/app?prepareThreshold=5").property("prepareThreshold", "0").transactionPooling(true).build()))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("prepareThreshold=5");
        // Replica pools take the replica's URL: it is checked too.
        assertThatThrownBy(() -> plugin.jdbcUrl(DataSourceConfig.named("Pooled").driver("postgres").url("jdbc:postgresql://h:6432/app")
                .replica("jdbc:postgresql://r:6432/app?prepareThreshold=4").transactionPooling(true).build()))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("prepareThreshold=4").hasMessageContaining("r:6432");
    }

    @Test
    void isolationIsSetForTheTransactionAloneNeverForTheSession() {
        assertThat(plugin.transactionIsolationStatement(IsolationLevel.SERIALIZABLE)).contains("set transaction isolation level serializable");
        assertThat(plugin.transactionIsolationStatement(IsolationLevel.REPEATABLE_READ)).contains("set transaction isolation level repeatable read");
        assertThat(plugin.transactionIsolationStatement(IsolationLevel.DEFAULT)).isEmpty();
    }

    @Test
    void connectionDefaultsRewriteBatchesAndPrepareEarly() {
        assertThat(plugin.connectionDefaults()).containsEntry("reWriteBatchedInserts", "true").containsKey("prepareThreshold");
    }

    @Test
    void arrayOperatorsOnlyOnArrays() {
        for (Operator op : List.of(Operator.CONTAINS, Operator.CONTAINED_BY, Operator.OVERLAPS)) {
            assertThat(plugin.supports(op, ValueKind.ARRAY)).as(op.name()).isTrue();
            assertThat(plugin.supports(op, ValueKind.STRING)).as(op.name()).isFalse();
        }
        assertThat(plugin.supports(Operator.EQ, ValueKind.STRING)).isTrue();
        assertThat(plugin.supportsJsonPath()).isTrue();
        assertThat(plugin.operatorTemplate(Operator.EQ, ValueKind.STRING)).isEmpty();
        assertThat(plugin.sqlFunctions()).containsKeys("ignis_regexp", "ignis_iregexp", "ignis_json_text", "ignis_json_number")
                .containsKeys("ignis_is_array_contains_text", "ignis_is_array_contained_by_numeric", "ignis_is_array_overlaps_text");
        assertThat(plugin.maxInListSize()).isEqualTo(1000);
    }

    @Test
    void classifiesErrors() {
        assertThat(plugin.classify("23505", 0)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("23503", 0)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("23502", 0)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("08006", 0)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("28P01", 0)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("57P01", 0)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("57P03", 0)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("53300", 0)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("3D000", 0)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("57014", 0)).isEqualTo(ErrorKind.OTHER);
        assertThat(plugin.classify("40001", 0)).isEqualTo(ErrorKind.OTHER);
        assertThat(plugin.classify("42P01", 0)).isEqualTo(ErrorKind.OTHER);
        assertThat(plugin.classify(null, 0)).isEqualTo(ErrorKind.OTHER);
    }

    /** The regexp functions and native operators on the machine's PostgreSQL (skipped when it does not answer). */
    @Test
    void filterSemanticsHoldOnPostgres() throws Exception {
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table ignis_pg_plugin_sem (id int primary key, s varchar(50))");
                s.execute("insert into ignis_pg_plugin_sem values (1, 'abc'), (2, 'ABC'), (3, 'abc '), (4, 'café'), (5, 'cafe'), (6, 'CAFÉ')");
            }
            String regexp = plugin.sqlFunctions().get("ignis_regexp").replace("?1", "s").replace("?2", "?");
            String iregexp = plugin.sqlFunctions().get("ignis_iregexp").replace("?1", "s").replace("?2", "?");
            assertThat(ids(c, "s = ?", "abc")).containsExactly(1);
            assertThat(ids(c, "s = ?", "abc ")).containsExactly(3);
            assertThat(ids(c, "s like ?", "ab%")).containsExactly(1, 3);
            assertThat(ids(c, "s ilike ?", "CAFÉ")).containsExactly(4, 6);
            assertThat(ids(c, regexp, "^abc$")).containsExactly(1);
            assertThat(ids(c, regexp, "^abc $")).containsExactly(3);
            assertThat(ids(c, iregexp, "^abc$")).containsExactly(1, 2);
            assertThat(ids(c, iregexp, "^café$")).containsExactly(4, 6);
        }
    }

    private static Connection connect() {
        try {
            return DriverManager.getConnection(URL, USER, "");
        } catch (SQLException e) {
            assumeTrue(false, "PostgreSQL not reachable at " + URL + ": " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> ids(Connection c, String where, String param) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select id from ignis_pg_plugin_sem where " + where + " order by id")) {
            ps.setString(1, param);
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        }
    }

    @Test
    void theReturningUpsertIsOneMultiRowInsert() {
        UpsertStatement upsert = new UpsertStatement("t", List.of("id", "name"), List.of("id"), List.of("name"));
        assertThat(plugin.upsertReturningSql(upsert, 2, List.of("id", "name")))
                .isEqualTo("insert into t (id, name) values (?, ?), (?, ?) on conflict (id) do update set name = excluded.name returning id, name");
        assertThat(plugin.upsertReturningSql(new UpsertStatement("t", List.of("id"), List.of("id"), List.of()), 1, List.of("id")))
                .as("do nothing returns no row for a conflict: the engine reads back").isNull();
    }
}
