package dev.ignis.engine.internal.boot;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionPropertiesTest {
    private static final Map<String, String> DEFAULTS = Map.of("useServerPrepStmts", "false", "cachePrepStmts", "true");

    @Test
    void aUrlParameterWinsOverThePluginDefault() {
        Map<String, String> properties = ConnectionProperties.of(DEFAULTS, "jdbc:mysql://127.0.0.1:3306/test?useServerPrepStmts=true", Map.of());

        assertThat(properties).doesNotContainKey("useServerPrepStmts").containsEntry("cachePrepStmts", "true");
    }

    @Test
    void urlParametersMatchWhateverTheirCaseAndPlace() {
        assertThat(ConnectionProperties.parameterNames("jdbc:postgresql://h/db?ApplicationName=x&prepareThreshold=0"))
                .containsExactly("applicationname", "preparethreshold");
        assertThat(ConnectionProperties.parameterNames("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;MODE=MySQL")).containsExactly("db_close_delay", "mode");
        assertThat(ConnectionProperties.parameterNames("jdbc:h2:mem:x")).isEmpty();
        assertThat(ConnectionProperties.of(DEFAULTS, "jdbc:mysql://h/db?USESERVERPREPSTMTS=true", Map.of())).doesNotContainKey("useServerPrepStmts");
    }

    @Test
    void aConfiguredPropertyWinsOverBoth() {
        Map<String, String> properties = ConnectionProperties.of(DEFAULTS, "jdbc:mysql://h/db?cachePrepStmts=false",
                Map.of("useServerPrepStmts", "true"));

        assertThat(properties).containsEntry("useServerPrepStmts", "true").doesNotContainKey("cachePrepStmts");
    }
}
