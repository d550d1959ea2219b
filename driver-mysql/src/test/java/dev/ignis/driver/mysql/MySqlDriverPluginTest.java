package dev.ignis.driver.mysql;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.ErrorKind;
import dev.ignis.api.spi.ValueKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code mysql} plugin's own behaviour; no MySQL 8 server runs on these machines, so nothing here connects. */
class MySqlDriverPluginTest {
    private final MySqlDriverPlugin plugin = new MySqlDriverPlugin();

    @Test
    void bothPluginsAreFoundByServiceLoader() {
        assertThat(ServiceLoader.load(DriverPlugin.class).stream().map(p -> p.get().name())).contains("mysql", "mariadb");
        assertThat(plugin.name()).isEqualTo("mysql");
        assertThat(plugin.aliases()).isEmpty();
    }

    @Test
    void eachPluginRefusesTheOtherServerAtStartNamingTheRightPlugin() {
        DataSourceConfig config = DataSourceConfig.named("Shop").driver("mysql").database("shop").build();
        String mariaDb = "5.5.5-10.11.19-MariaDB-0+deb12u1";

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plugin.checkServer(config, "MySQL", mariaDb))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("'mariadb'").hasMessageContaining(mariaDb);
        plugin.checkServer(config, "MySQL", "8.0.36");
        MariaDbDriverPlugin mariadb = new MariaDbDriverPlugin();
        mariadb.checkServer(config, "MySQL", mariaDb);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mariadb.checkServer(config, "MySQL", "8.0.36"))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("'mysql'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mariadb.checkServer(config, "MySQL", "5.5.5-10.6.12-MariaDB"))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("10.11");
    }

    @Test
    void buildsUrlWithDefaultsAndWithoutCredentials() {
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Legacy").driver("mysql").database("shop").user("app").password("secret").build()))
                .isEqualTo("jdbc:mysql://127.0.0.1:3306/shop").doesNotContain("secret").doesNotContain("app");
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Legacy").driver("mysql").host("mysql.internal").port(3307).database("shop").build()))
                .isEqualTo("jdbc:mysql://mysql.internal:3307/shop");
    }

    @Test
    void keepsAMysqlUrlAndRejectsOthers() {
        assertThat(plugin.jdbcUrl(DataSourceConfig.named("Legacy").driver("mysql").url("jdbc:mysql://h:3306/shop?sslMode=REQUIRED").build()))
                .isEqualTo("jdbc:mysql://h:3306/shop?sslMode=REQUIRED");
        DataSourceConfig wrong = DataSourceConfig.named("Legacy").driver("mysql").url("jdbc:postgresql://h/db").build();
        assertThatThrownBy(() -> plugin.jdbcUrl(wrong))
                .isInstanceOf(DataSourceConfigException.class)
                .hasMessageContaining("Legacy").hasMessageContaining("'mysql'").hasMessageContaining("jdbc:mysql:");
        assertThatThrownBy(() -> plugin.jdbcUrl(DataSourceConfig.named("Legacy").driver("mysql").database("shop?allowLoadLocalInfile=true").build()))
                .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("database");
    }

    @Test
    void settingsLeaveDialectAndVersionToTheConnection() {
        var settings = plugin.hibernateSettings(DataSourceConfig.named("Legacy").driver("mysql").database("shop").build());
        assertThat(settings).doesNotContainKey("hibernate.dialect")
                .containsEntry(MySqlDriverPlugin.STRING_COLUMN_COLLATION, "utf8mb4_0900_bin")
                .doesNotContainKeys("jakarta.persistence.database-major-version", MariaDbDriverPlugin.BIND_TEMPORAL_AS_TEXT);
    }

    @Test
    void connectionDefaultsBatchCacheAndUtc() {
        assertThat(plugin.connectionDefaults())
                .containsEntry("rewriteBatchedStatements", "true")
                .containsEntry("cachePrepStmts", "true")
                .containsEntry("prepStmtCacheSize", "250")
                .containsEntry("prepStmtCacheSqlLimit", "2048")
                .containsEntry("useServerPrepStmts", "true")
                .containsEntry("connectionTimeZone", "UTC")
                .containsEntry("forceConnectionTimeZoneToSession", "true")
                .containsEntry("characterEncoding", "UTF-8");
    }

    @Test
    void stringTemplatesCompareExactlyThroughDeclaredFunctions() {
        assertThat(plugin.sqlFunctions())
                .containsEntry("ignis_exact", "(convert(?1 using utf8mb4) collate utf8mb4_0900_bin)")
                .containsEntry("ignis_regexp", "regexp_like(?1, ?2, 'c')")
                .containsEntry("ignis_iregexp", "regexp_like(?1, ?2, 'i')");
        assertThat(plugin.operatorTemplate(Operator.EQ, ValueKind.STRING)).contains("({0} = {1} and ignis_exact({0}) = {1})");
        assertThat(plugin.operatorTemplate(Operator.NEQ, ValueKind.STRING)).contains("ignis_exact({0}) <> {1}");
        assertThat(plugin.operatorTemplate(Operator.IN, ValueKind.STRING)).contains("({0} in {1} and ignis_exact({0}) in {1})");
        assertThat(plugin.operatorTemplate(Operator.ILIKE, ValueKind.STRING)).contains("lower(ignis_exact({0})) like lower({1}) escape '!'");
        assertThat(plugin.operatorTemplate(Operator.LIKE, ValueKind.STRING))
                .contains("({0} like {1} escape '!' and ignis_exact({0}) like {1} escape '!')");
        // Regular expressions keep the engine's default template (ignis_regexp / ignis_iregexp).
        assertThat(plugin.operatorTemplate(Operator.REGEXP, ValueKind.STRING)).isEmpty();
        assertThat(plugin.operatorTemplate(Operator.EQ, ValueKind.NUMBER)).isEmpty();
        assertThat(plugin.operatorTemplate(Operator.EQ, ValueKind.ENUM)).isEmpty();
        // Hibernate's pattern renderer accepts '?' only before an argument number.
        plugin.sqlFunctions().values().forEach(p -> assertThat(p.replaceAll("\\?\\d", "")).doesNotContain("?"));
    }

    @Test
    void noArrayOperatorsButJsonPaths() {
        for (Operator op : List.of(Operator.CONTAINS, Operator.CONTAINED_BY, Operator.OVERLAPS)) {
            assertThat(plugin.supports(op, ValueKind.ARRAY)).as(op.name()).isFalse();
        }
        assertThat(plugin.supportsJsonPath()).isTrue();
        assertThat(plugin.maxInListSize()).isEqualTo(1000);
    }

    @Test
    void classifiesErrors() {
        assertThat(plugin.classify("23000", 1062)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("23000", 1451)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("23000", 1452)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("23000", 1048)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("HY000", 1364)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("HY000", 3819)).isEqualTo(ErrorKind.CONFLICT);
        assertThat(plugin.classify("08S01", 0)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("HY000", 2002)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("HY000", 2003)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("HY000", 2006)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("HY000", 2013)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("28000", 1045)).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(plugin.classify("08004", 1040)).isEqualTo(ErrorKind.UNAVAILABLE);
        // deadlock victim, lock wait timeout (MariaDB's NOWAIT too), MySQL's NOWAIT: a row lock not acquired
        assertThat(plugin.classify("40001", 1213)).isEqualTo(ErrorKind.LOCK);
        assertThat(plugin.classify("HY000", 1205)).isEqualTo(ErrorKind.LOCK);
        assertThat(plugin.classify("HY000", 3572)).isEqualTo(ErrorKind.LOCK);
        assertThat(plugin.classify("42S02", 1146)).isEqualTo(ErrorKind.OTHER);
        assertThat(plugin.classify(null, 0)).isEqualTo(ErrorKind.OTHER);
        assertThat(plugin.classify("22001", 1292)).isEqualTo(ErrorKind.REJECTED_VALUE);
        assertThat(plugin.classify("HY000", 1139)).isEqualTo(ErrorKind.REJECTED_VALUE);
    }
}
