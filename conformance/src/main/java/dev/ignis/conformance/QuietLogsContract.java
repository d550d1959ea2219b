package dev.ignis.conformance;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.ConflictException;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.conformance.model.LogItem;
import dev.ignis.engine.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Logs stay quiet on the target's real server: starting twice with {@link SchemaAction#UPDATE} (the first start
 * creates the table and its unique constraint, the second finds them) and a duplicate key that the engine turns into
 * a {@link ConflictException} print no WARN or ERROR line through SLF4J (slf4j-simple writes to System.err; Hibernate's
 * JBoss Logging reaches it through the engine) and log nothing at WARNING or above through java.util.logging.
 */
public interface QuietLogsContract extends ConformanceFixture {

    @Test
    default void aCleanStartAndATranslatedFailureLogNoWarning() {
        jdbcValue("select 1 from " + q("cf_person") + " where 1 = 0"); // the suite's schema is there
        String output;
        try (SecretCapture capture = new SecretCapture()) {
            for (int start = 1; start <= 2; start++) {
                BaseDataSource dataSource = new BaseDataSource(database().config("QuietLogs").maxPoolSize(2).minIdle(0)
                        .schemaAction(SchemaAction.UPDATE).models(LogItem.class)) {
                };
                try (Engine engine = EngineBuilders.builder().dataSource(dataSource).build().start()) {
                    CrudRepository<LogItem, String> items = new CrudRepository<>(dataSource, LogItem.class);
                    items.deleteAll(Where.isNotNull("id"));
                    items.create(new LogItem("first", "same-code"));
                    assertThatThrownBy(() -> items.create(new LogItem("second", "same-code")))
                            .isInstanceOf(ConflictException.class);
                }
            }
            output = capture.everything();
        }
        List<String> loud = output.lines()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")
                        || line.startsWith("[jul WARNING") || line.startsWith("[jul SEVERE"))
                .toList();
        assertThat(loud).as("WARN and ERROR lines of two clean starts and a duplicate key").isEmpty();
    }
}
