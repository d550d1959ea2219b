package dev.ignis.examples;

import dev.ignis.examples.datasource.ExampleSettings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The example's datasources migrate at start (H2 here), and its first migrations are what the models would create. */
class ExampleMigrationTest {
    private static final String CORE = "jdbc:h2:mem:migration-test-core;DB_CLOSE_DELAY=-1";
    private static final String AUDIT = "jdbc:h2:mem:migration-test-audit;DB_CLOSE_DELAY=-1";

    @Test
    void bothDataSourcesStartFromTheirMigrations() throws SQLException {
        try (Example example = Example.start(ExampleSettings.from(Map.of("--core-url", CORE, "--audit-url", AUDIT), Map.of()))) {
            example.seed();
            assertThat(example.component().configurations().count()).isEqualTo(2);
        }
        assertThat(history(CORE, "flyway_history_coredatasource")).containsExactly("1 init");
        assertThat(history(AUDIT, "flyway_history_auditdatasource")).containsExactly("1 init", "2 index events by configuration");
    }

    @Test
    void theFirstMigrationsAreTheSchemaScriptsOfTheModels() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SchemaScripts.print(ExampleSettings.from(Map.of("--core-url", "jdbc:h2:mem:script-core", "--audit-url", "jdbc:h2:mem:script-audit"),
                Map.of()), null, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String scripts = printed.toString(StandardCharsets.UTF_8);
        for (String dataSource : List.of("CoreDataSource", "AuditDataSource")) {
            String committed = resource("db/migration/" + dataSource + "/h2/V1__init.sql");
            // the committed script is the printed one, comment and indentation aside
            assertThat(statements(scripts.substring(scripts.indexOf('\n', scripts.indexOf("of " + dataSource)))))
                    .as(dataSource).startsWith(statements(committed).toArray(new String[0]));
        }
    }

    private static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        for (String part : sql.replaceAll("--[^\n]*", "").split(";")) {
            String normalized = part.replaceAll("\\s+", " ").strip();
            if (!normalized.isEmpty()) {
                statements.add(normalized);
            }
        }
        return statements;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ExampleMigrationTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> history(String url, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select \"version\", \"description\" from \"" + table + "\" where \"success\" and \"version\" is not null order by \"installed_rank\"")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
