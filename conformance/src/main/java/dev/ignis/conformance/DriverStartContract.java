package dev.ignis.conformance;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.conformance.model.LegacyItem;
import dev.ignis.conformance.model.Note;
import dev.ignis.engine.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a driver plugin meets its server at start: a plugin for another server fails with a
 * {@link DataSourceConfigException} naming the right one, a parameter written in the JDBC URL wins over the
 * plugin's connection defaults, and a datasource with {@code quoteIdentifiers(false)} maps a table of plain DDL. Each case boots a small engine of its own on the suite's schema.
 */
public interface DriverStartContract extends ConformanceFixture {

    private Engine start(String name, String driver, String url) {
        return start(DataSourceConfig.named(name).driver(driver).url(url).models(Note.class));
    }

    private Engine start(DataSourceConfig.Builder config) {
        ConformanceDataSource dataSource = new ConformanceDataSource(config.user(database().user()).password(database().password())
                .transactionPooling(database().transactionPooling())
                .maxPoolSize(1).minIdle(1).schemaAction(SchemaAction.NONE).build());
        Engine engine = EngineBuilders.builder().dataSource(dataSource).build();
        try {
            engine.start();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    private static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    @Test
    default void theMysqlDriverOnAMariaDbServerFailsAtStartNamingTheMariadbDriver() {
        if (database().kind() != DatabaseTarget.Kind.MARIADB) {
            return; // the other servers have one plugin each, and a URL of another kind is refused before connecting
        }
        assertThatThrownBy(() -> start("wrongPlugin", "mysql", database().url()).close())
                .isInstanceOf(DataSourceConfigException.class)
                .hasMessageContaining("MariaDB").hasMessageContaining("'mariadb'");
    }

    @Test
    default void aParameterWrittenInTheUrlWinsOverThePluginsDefault() {
        switch (database().kind()) {
            case POSTGRES -> {
                // the plugin's default ApplicationName is "ignis"
                try (Engine engine = start("urlWins", "postgres", withParameter(database().url(), "ApplicationName=ignis-url-wins"))) {
                    // Looked at while the datasource's transaction holds its server connection: behind a transaction
                    // pooler, the next client on that server connection brings its own application name.
                    long seen = engine.dataSource("urlWins").transaction(tx -> {
                        new CrudRepository<>(engine.dataSource("urlWins"), Note.class).find(Filter.empty());
                        return ((Number) jdbcValue("select count(*) from pg_stat_activity where application_name = ?", "ignis-url-wins")).longValue();
                    });
                    assertThat(seen).isPositive();
                }
            }
            case MARIADB -> {
                // the plugin's default is client-side prepared statements (useServerPrepStmts=false)
                try (Engine engine = start("urlWins", "mariadb", withParameter(database().url(), "useServerPrepStmts=true"))) {
                    long before = prepared();
                    new CrudRepository<>(engine.dataSource("urlWins"), Note.class).find(Filter.where("title", "x"));
                    assertThat(prepared()).as("a server-side prepared statement").isGreaterThan(before);
                }
            }
            default -> {
                // H2's plugin sets no connection defaults
            }
        }
    }

    @Test
    default void aTableOfPlainUnquotedDdlIsMappedThroughTheConfigurationAlone() {
        jdbcExecute("drop table if exists cf_legacy_item");
        jdbcExecute("create table cf_legacy_item (id varchar(64) not null primary key, item_name varchar(100), qty integer)");
        jdbcExecute("insert into cf_legacy_item (id, item_name, qty) values ('i1', 'Old', 3)");
        try (Engine engine = start(DataSourceConfig.named("legacy").driver(database().driver()).url(database().url())
                .quoteIdentifiers(false).models(LegacyItem.class))) {
            CrudRepository<LegacyItem, String> items = new CrudRepository<>(engine.dataSource("legacy"), LegacyItem.class);

            assertThat(items.find(Filter.where("itemName", "Old"))).extracting(LegacyItem::getQty).containsExactly(3);
            items.create(new LegacyItem("i2", "New", 5));
            assertThat(items.count(dev.ignis.api.filter.Where.gt("qty", 4))).isEqualTo(1);
            assertThat(((Number) jdbcValue("select count(*) from cf_legacy_item")).longValue()).isEqualTo(2);
        } finally {
            jdbcExecute("drop table if exists cf_legacy_item");
        }
    }

    private long prepared() {
        Object value = jdbcValue("select variable_value from information_schema.global_status where variable_name = 'COM_STMT_PREPARE'");
        return Long.parseLong(String.valueOf(value));
    }
}
