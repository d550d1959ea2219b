package dev.ignis.driver.h2;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.ErrorKind;
import dev.ignis.api.spi.ValueKind;
import org.junit.jupiter.api.Test;
import dev.ignis.api.spi.UpsertStatement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2DriverPluginTest {
    private final H2DriverPlugin plugin = new H2DriverPlugin();

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(DriverPlugin.class).stream().map(p -> p.get().name()))
                .contains("h2");
        assertThat(plugin.name()).isEqualTo("h2");
        assertThat(plugin.aliases()).isEmpty();
    }

    @Test
    void databaseAloneIsInMemory() {
        DataSourceConfig config = DataSourceConfig.named("Mem").driver("h2").database("app").password("secret").build();
        assertThat(plugin.jdbcUrl(config)).isEqualTo("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1").doesNotContain("secret");
    }

    @Test
    void hostOrPortMeansTcpServer() {
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Srv").driver("h2").host("db.local").database("app").build()))
                .isEqualTo("jdbc:h2:tcp://db.local:9092/app");
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Srv").driver("h2").port(9123).database("app").build()))
                .isEqualTo("jdbc:h2:tcp://127.0.0.1:9123/app");
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Srv").driver("h2").host("::1").database("app").build()))
                .isEqualTo("jdbc:h2:tcp://[::1]:9092/app");
    }

    @Test
    void givenUrlIsKeptWhenItIsH2() {
        DataSourceConfig config = DataSourceConfig.named("File").driver("h2").url("jdbc:h2:file:./target/data/app;AUTO_SERVER=TRUE").build();
        assertThat(plugin.jdbcUrl(config)).isEqualTo("jdbc:h2:file:./target/data/app;AUTO_SERVER=TRUE");
    }

    @Test
    void foreignUrlIsRejectedNamingDataSourceDriverAndPrefix() {
        DataSourceConfig config = DataSourceConfig.named("Edge").driver("h2").url("jdbc:postgresql://h/db?password=secret").build();
        assertThatThrownBy(() -> plugin.jdbcUrl(config))
                .isInstanceOf(DataSourceConfigException.class)
                .hasMessageContaining("Edge").hasMessageContaining("'h2'").hasMessageContaining("jdbc:h2:")
                .hasMessageNotContaining("secret");
    }

    @Test
    void databaseNamesThatWouldInjectSettingsAreRejected() {
        DataSourceConfig config = DataSourceConfig.named("Edge").driver("h2").database("app;INIT=RUNSCRIPT FROM 'x'").build();
        assertThatThrownBy(() -> plugin.jdbcUrl(config))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("Edge").hasMessageContaining("database");
    }

    @Test
    void settingsNameTheDialectAndUtc() {
        var settings = plugin.hibernateSettings(DataSourceConfig.named("Mem").driver("h2").database("app").build());
        assertThat(settings).as("Hibernate detects H2 from the connection; the engine sets time zone and batching")
                .doesNotContainKey("hibernate.dialect").isEmpty();
        assertThat(settings.values()).noneMatch(v -> String.valueOf(v).contains("password"));
    }

    @Test
    void declaresTheRegexpFunctionsAndNoArrayOperators() {
        assertThat(plugin.sqlFunctions()).containsOnlyKeys("ignis_regexp", "ignis_iregexp");
        assertThat(plugin.supports(Operator.CONTAINS, ValueKind.ARRAY)).isFalse();
        assertThat(plugin.supports(Operator.OVERLAPS, ValueKind.ARRAY)).isFalse();
        assertThat(plugin.supports(Operator.REGEXP, ValueKind.STRING)).isTrue();
        assertThat(plugin.supportsJsonPath()).isFalse();
        assertThat(plugin.operatorTemplate(Operator.EQ, ValueKind.STRING)).isEmpty();
        assertThat(plugin.maxInListSize()).isEqualTo(1000);
    }

    @Test
    void classifiesErrors() {
        assertThat(plugin.classify("23505", 23505)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("23503", 23503)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("23502", 23502)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("28000", 28000)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("90067", 90067)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("90098", 90098)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("08001", 0)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("57014", 57014)).isEqualTo(ErrorKind.OTHER);
        assertThat(plugin.classify("42S02", 42102)).isEqualTo(ErrorKind.OTHER);
        assertThat(plugin.classify(null, 0)).isEqualTo(ErrorKind.OTHER);
    }

    /** The function patterns and the engine's default templates, run as SQL on an in-memory H2. */
    @Test
    void filterSemanticsHoldOnH2() throws Exception {
        try (Connection c = DriverManager.getConnection(plugin.jdbcUrl(DataSourceConfig.named("Sem").driver("h2").database("h2_plugin_sem").build()), "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (id int primary key, s varchar(50))");
                s.execute("insert into t values (1, 'abc'), (2, 'ABC'), (3, 'abc '), (4, 'café'), (5, 'cafe'), (6, 'CAFÉ')");
            }
            String regexp = plugin.sqlFunctions().get("ignis_regexp").replace("?1", "s").replace("?2", "?");
            String iregexp = plugin.sqlFunctions().get("ignis_iregexp").replace("?1", "s").replace("?2", "?");
            assertThat(ids(c, "s = ?", "abc")).containsExactly(1);
            assertThat(ids(c, "s = ?", "abc ")).containsExactly(3);
            assertThat(ids(c, "s like ?", "ab%")).containsExactly(1, 3);
            assertThat(ids(c, "s ilike ?", "CAFÉ")).containsExactly(4, 6);
            assertThat(ids(c, regexp, "^abc$")).containsExactly(1);
            assertThat(ids(c, iregexp, "^abc$")).containsExactly(1, 2);
            assertThat(ids(c, iregexp, "^café$")).containsExactly(4, 6);
        }
    }

    private static List<Integer> ids(Connection c, String where, String param) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select id from t where " + where + " order by id")) {
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
    void theReturningMergeReturnsInsertedAndUpdatedRowsAsStored() throws Exception {
        UpsertStatement upsert = new UpsertStatement("up_t", List.of("id", "code", "name", "created"), List.of("code"), List.of("name"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:upsert_returning");
             Statement s = c.createStatement()) {
            s.execute("create table up_t (id varchar(10) primary key, code varchar(10) unique, name varchar(10), created int)");
            s.execute("insert into up_t values ('a', 'c1', 'old', 1)");
            try (PreparedStatement p = c.prepareStatement(plugin.upsertReturningSql(upsert, 2, List.of("id", "code", "name", "created")))) {
                Object[] values = {"x", "c1", "new", 9, "b", "c2", "fresh", 2};
                for (int i = 0; i < values.length; i++) {
                    p.setObject(i + 1, values[i]);
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        rows.add(r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3) + "/" + r.getInt(4));
                    }
                }
                assertThat(rows).as("the matched row keeps its id and unlisted columns").containsExactlyInAnyOrder("a/c1/new/1", "b/c2/fresh/2");
            }
        }
        assertThat(plugin.upsertReturningSql(new UpsertStatement("up_t", List.of("id", "code"), List.of("code"), List.of()), 1, List.of("id")))
                .as("a merge without an update branch returns no matched row: the engine reads back").isNull();
    }
}
