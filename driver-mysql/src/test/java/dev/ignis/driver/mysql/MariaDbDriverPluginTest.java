package dev.ignis.driver.mysql;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.ErrorKind;
import dev.ignis.api.spi.ValueKind;
import org.junit.jupiter.api.Test;
import dev.ignis.api.spi.UpsertStatement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MariaDbDriverPluginTest {
    /** The machine's MariaDB (root, no password); override with -Dignis.test.mariadb.url / .user / .password. */
    private static final String URL = System.getProperty("ignis.test.mariadb.url", "jdbc:mysql://127.0.0.1:3306/test");
    private static final String USER = System.getProperty("ignis.test.mariadb.user", "root");
    private static final String PASSWORD = System.getProperty("ignis.test.mariadb.password", "");

    private final MariaDbDriverPlugin plugin = new MariaDbDriverPlugin();

    @Test
    void nameAndUrl() {
        assertThat(plugin.name()).isEqualTo("mariadb");
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Maria").driver("mariadb").database("test").password("secret").build()))
                .isEqualTo("jdbc:mysql://127.0.0.1:3306/test").doesNotContain("secret");
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Maria").driver("mariadb").url("jdbc:mysql://db:3306/app").build()))
                .isEqualTo("jdbc:mysql://db:3306/app");
    }

    @Test
    void mariadbUrlsAreRejectedWithAHint() {
        DataSourceConfig config = DataSourceConfig.named("Maria").driver("mariadb").url("jdbc:mariadb://db:3306/app").build();
        assertThatThrownBy(() -> plugin.jdbcUrl(config))
                .isInstanceOf(DataSourceConfigException.class)
                .hasMessageContaining("Maria").hasMessageContaining("'mariadb'").hasMessageContaining("'jdbc:mysql:'")
                .hasMessageContaining("Connector/J");
    }

    @Test
    void settingsGiveMariaDbDialect1011WithoutAskingTheServer() {
        var settings = plugin.hibernateSettings(DataSourceConfig.named("Maria").driver("mariadb").database("test").build());
        assertThat(settings).doesNotContainKey("hibernate.dialect")
                .containsEntry("jakarta.persistence.database-product-name", "MariaDB")
                .containsEntry("jakarta.persistence.database-major-version", "10")
                .containsEntry("jakarta.persistence.database-minor-version", "11")
                .containsEntry(MariaDbDriverPlugin.BIND_TEMPORAL_AS_TEXT, "true")
                .containsEntry(MariaDbDriverPlugin.STRING_COLUMN_COLLATION, "utf8mb4_nopad_bin");
    }

    @Test
    void connectionDefaults() {
        assertThat(plugin.connectionDefaults())
                .containsEntry("rewriteBatchedStatements", "true")
                .containsEntry("cachePrepStmts", "true")
                .containsEntry("useServerPrepStmts", "false")
                .containsEntry("connectionTimeZone", "UTC")
                .containsEntry("forceConnectionTimeZoneToSession", "true")
                .containsEntry("characterEncoding", "UTF-8");
    }

    @Test
    void functionsAreValidHibernatePatterns() {
        assertThat(plugin.sqlFunctions()).containsOnlyKeys("ignis_exact", "ignis_regexp", "ignis_iregexp",
                DriverPlugin.JSON_TEXT_FUNCTION, DriverPlugin.JSON_NUMBER_FUNCTION);
        plugin.sqlFunctions().values().forEach(p -> assertThat(p.replaceAll("\\?\\d", "")).doesNotContain("?"));
        assertThat(plugin.supportsJsonPath()).isTrue();
        assertThat(plugin.supports(Operator.CONTAINS, ValueKind.ARRAY)).isFalse();
        assertThat(plugin.classify("23000", 1062)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("HY000", 4025)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("70100", 1927)).isEqualTo(ErrorKind.UNAVAILABLE);
    }

    /**
     * The string templates, expanded the way Hibernate renders them, on the machine's MariaDB: on a column with the
     * default collation (utf8mb4_general_ci: case- and accent-insensitive, PAD SPACE), a utf8mb4_bin column and a
     * latin1 column. Skipped when MariaDB does not answer.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "collate utf8mb4_bin", "character set latin1"})
    void stringSemanticsHoldOnMariaDb(String columnOptions) throws Exception {
        try (Connection c = connect(new Properties())) {
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table ignis_maria_plugin_sem (id int primary key, s varchar(50) " + columnOptions + ", key (s))");
                s.execute("insert into ignis_maria_plugin_sem values (1, 'abc'), (2, 'ABC'), (3, 'abc '), (4, 'Abc'), (5, 'a_c'),"
                        + " (6, 'café'), (7, 'cafe'), (8, 'CAFÉ'), (9, 'xyz'), (10, null)");
            }
            assertThat(ids(c, Operator.EQ, "abc")).containsExactly(1);
            assertThat(ids(c, Operator.EQ, "abc ")).containsExactly(3);
            assertThat(ids(c, Operator.EQ, "café")).containsExactly(6);
            assertThat(ids(c, Operator.NEQ, "abc")).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(ids(c, Operator.NEQ, "abc ")).containsExactly(1, 2, 4, 5, 6, 7, 8, 9);
            assertThat(ids(c, Operator.IN, "abc", "cafe")).containsExactly(1, 7);
            assertThat(ids(c, Operator.IN, "abc ", "CAFÉ")).containsExactly(3, 8);
            assertThat(ids(c, Operator.NIN, "abc", "cafe")).containsExactly(2, 3, 4, 5, 6, 8, 9);
            assertThat(ids(c, Operator.LIKE, "a%")).containsExactly(1, 3, 5);
            assertThat(ids(c, Operator.LIKE, "abc")).containsExactly(1);
            assertThat(ids(c, Operator.LIKE, "caf_")).containsExactly(6, 7);
            assertThat(ids(c, Operator.NLIKE, "a%")).containsExactly(2, 4, 6, 7, 8, 9);
            assertThat(ids(c, Operator.ILIKE, "abc")).containsExactly(1, 2, 4);
            assertThat(ids(c, Operator.ILIKE, "CAFÉ")).containsExactly(6, 8);
            assertThat(ids(c, Operator.ILIKE, "cafe")).containsExactly(7);
            assertThat(ids(c, Operator.NILIKE, "abc")).containsExactly(3, 5, 6, 7, 8, 9);
            assertThat(ids(c, Operator.REGEXP, "^abc$")).containsExactly(1);
            assertThat(ids(c, Operator.REGEXP, "^abc $")).containsExactly(3);
            assertThat(ids(c, Operator.REGEXP, "^caf.$")).containsExactly(6, 7);
            assertThat(ids(c, Operator.IREGEXP, "^abc$")).containsExactly(1, 2, 4);
            assertThat(ids(c, Operator.IREGEXP, "^café$")).containsExactly(6, 8);
            assertThat(ids(c, Operator.IREGEXP, "^cafe$")).containsExactly(7);
        }
    }

    /**
     * Why the settings ask for text binding: Connector/J takes MariaDB ("5.5.5-10.11...") for MySQL 5.5 and drops
     * fractional seconds from temporal parameters, whatever the properties; text keeps them. If the first assertion
     * fails, Connector/J has stopped truncating and {@link MariaDbDriverPlugin#BIND_TEMPORAL_AS_TEXT} can go.
     */
    @Test
    void connectorJTruncatesTemporalParametersOnMariaDbButNotText() throws Exception {
        Properties props = new Properties();
        props.putAll(plugin.connectionDefaults());
        try (Connection c = connect(props)) {
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table ignis_maria_plugin_ts (id int primary key, ts datetime(6))");
            }
            LocalDateTime value = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000);
            try (PreparedStatement ps = c.prepareStatement("insert into ignis_maria_plugin_ts values (?, ?)")) {
                ps.setInt(1, 1);
                ps.setTimestamp(2, Timestamp.valueOf(value));
                ps.executeUpdate();
                ps.setInt(1, 2);
                ps.setObject(2, value);
                ps.executeUpdate();
                ps.setInt(1, 3);
                ps.setString(2, "2024-05-06 07:08:09.123456");
                ps.executeUpdate();
            }
            Map<Integer, LocalDateTime> read = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, ts from ignis_maria_plugin_ts order by id")) {
                while (rs.next()) {
                    read.put(rs.getInt(1), rs.getObject(2, LocalDateTime.class));
                }
            }
            assertThat(read.get(1)).as("setTimestamp").isEqualTo(value.withNano(0));
            assertThat(read.get(2)).as("setObject(LocalDateTime)").isEqualTo(value.withNano(0));
            assertThat(read.get(3)).as("setString, read back with getObject").isEqualTo(value);
        }
    }

    private List<Integer> ids(Connection c, Operator op, String... values) throws SQLException {
        String template = plugin.operatorTemplate(op, ValueKind.STRING).orElseGet(() -> switch (op) {
            case REGEXP -> "ignis_regexp({0}, {1})";
            case IREGEXP -> "ignis_iregexp({0}, {1})";
            default -> throw new IllegalArgumentException(op.name());
        });
        String column = "s";
        String param = op.takesList() ? "(" + String.join(", ", java.util.Collections.nCopies(values.length, "?")) + ")" : "?";
        String sql = template.replace("{0}", column).replace("{1}", "\u0001");
        for (Map.Entry<String, String> f : plugin.sqlFunctions().entrySet()) {
            sql = sql.replace(f.getKey() + "(" + column + ", \u0001)", f.getValue().replace("?1", column).replace("?2", "\u0001"))
                    .replace(f.getKey() + "(" + column + ")", f.getValue().replace("?1", column));
        }
        assertThat(sql).doesNotContain("ignis_");
        int uses = sql.split("\u0001", -1).length - 1;
        sql = sql.replace("\u0001", param);
        try (PreparedStatement ps = c.prepareStatement("select id from ignis_maria_plugin_sem where " + sql + " order by id")) {
            int index = 1;
            for (int u = 0; u < uses; u++) {
                for (String v : values) {
                    ps.setString(index++, v);
                }
            }
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        }
    }

    private static Connection connect(Properties props) {
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        try {
            return DriverManager.getConnection(URL, props);
        } catch (SQLException e) {
            assumeTrue(false, "MariaDB not reachable at " + URL + ": " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReturningUpsertIsOneMultiRowInsertOnMariaDbOnly() {
        UpsertStatement upsert = new UpsertStatement("t", List.of("id", "name"), List.of("id"), List.of("name"));
        assertThat(plugin.upsertReturningSql(upsert, 2, List.of("id", "name")))
                .isEqualTo("insert into t (id, name) values (?, ?), (?, ?) on duplicate key update name = values(name) returning id, name");
        assertThat(new MySqlDriverPlugin().upsertReturningSql(upsert, 2, List.of("id", "name"))).as("MySQL has no returning").isNull();
    }
}
