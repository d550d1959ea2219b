package dev.ignis.engine.smoke;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL a datasource sends is logged on {@code dev.ignis.sql.<datasource>} at DEBUG as {@code [<datasource>] <sql>},
 * with placeholders where the values go; at the default level (INFO) nothing is. slf4j-simple reads a logger's level
 * from system properties when the logger is made, which is when the datasource starts, and writes to System.err,
 * which the test captures.
 */
class SqlLogTest {
    private static final String VALUE = "value-that-must-not-be-logged";

    static final class Logged extends BaseDataSource {
        Logged(String name) {
            super(DataSourceConfig.named(name).driver("test-h2").database(name.toLowerCase()).schemaAction(SchemaAction.CREATE)
                    .models(Item.class));
        }
    }

    @Test
    void debugLogsEachStatementWithItsDataSourceAndNoValue() {
        String level = "org.slf4j.simpleLogger.log.dev.ignis.sql.SqlLogged";
        System.setProperty(level, "debug");
        String output;
        try {
            output = run("SqlLogged");
        } finally {
            System.clearProperty(level);
        }
        List<String> sql = output.lines().filter(line -> line.contains("DEBUG dev.ignis.sql.SqlLogged - ")).toList();
        assertThat(sql).as("insert, planned select, update, count").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(line -> assertThat(line).contains("- [SqlLogged] ").matches(".* -- shape [0-9a-f]{8}$"));
        assertThat(sql).anySatisfy(line -> assertThat(line).containsIgnoringCase("insert into").contains("?"));
        assertThat(sql).anySatisfy(line -> assertThat(line).containsIgnoringCase("select").containsIgnoringCase("where").contains("?"));
        assertThat(sql).anySatisfy(line -> assertThat(line).containsIgnoringCase("update").contains("?"));
        assertThat(output).doesNotContain(VALUE);
    }

    @Test
    void atInfoNothingIsLogged() {
        String output = run("SqlQuiet");
        assertThat(output).doesNotContain("dev.ignis.sql").doesNotContain("[SqlQuiet] ").doesNotContain(VALUE);
    }

    /** Starts a datasource named {@code name}, writes and reads an item with {@link #VALUE}; what was printed meanwhile. */
    private static String run(String name) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Logged dataSource = new Logged(name);
            try (Engine engine = Engine.builder().drivers(new TestH2Driver()).dataSource(dataSource).build().start()) {
                CrudRepository<Item, String> items = new CrudRepository<>(dataSource, Item.class);
                items.create(new Item(VALUE, "g", 1));
                assertThat(items.find(Filter.where("code", VALUE))).hasSize(1);
                items.updateAll(Map.of("qty", 2), Where.eq("code", VALUE));
                assertThat(items.count(Where.eq("code", VALUE))).isEqualTo(1);
            }
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
