package dev.ignis.examples;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.engine.IgnisApplication;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.examples.datasource.AuditDataSource;
import dev.ignis.examples.datasource.CoreDataSource;
import dev.ignis.examples.datasource.ExampleSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Through Dagger ({@code IgnisModule}, {@code IgnisApplication}), a failed start reaches the caller with its cause. */
class FailedStartTest {

    private static ExampleSettings settings(String coreUrl, String auditUrl) {
        return ExampleSettings.from(Map.of("--core-url", coreUrl, "--audit-url", auditUrl), Map.of());
    }

    @Test
    void theComponentsApplicationThrowsTheFailingDataSourcesCauseAndClosesTheOther() {
        ExampleComponent component = DaggerExampleComponent.factory().create(
                settings("jdbc:h2:mem:failed-start-dagger-core;DB_CLOSE_DELAY=-1", "jdbc:mysql://127.0.0.1:1/test"),
                QueryListener.NONE, new SimpleMeterRegistry());
        IgnisApplication app = component.app();

        Throwable thrown = catchThrowable(app::start);

        assertThat(thrown).isInstanceOf(DataSourceUnavailableException.class)
                .hasMessageStartingWith("DataSource " + AuditDataSource.NAME + " is unavailable: cannot connect to jdbc:mysql://127.0.0.1:1/test");
        assertThat(thrown).as("the driver's own error is attached").hasRootCauseInstanceOf(ConnectException.class);
        assertThat(app.get("datasources." + CoreDataSource.NAME, IDataSource.class).isStarted()).isFalse();
        assertThat(app.get("datasources." + AuditDataSource.NAME, IDataSource.class).isStarted()).isFalse();
    }

    @Test
    void theExampleStartsWithTheSameMistakeCorrected() {
        assertThatThrownBy(() -> Example.start(settings("jdbc:postgresql://127.0.0.1:1/test",
                "jdbc:h2:mem:failed-start-example-audit;DB_CLOSE_DELAY=-1")))
                .isInstanceOf(DataSourceUnavailableException.class)
                .hasMessageStartingWith("DataSource " + CoreDataSource.NAME + " is unavailable")
                .satisfies(e -> assertThat(causes(e)).noneMatch(ConcurrentModificationException.class::isInstance));
        try (Example example = Example.start(settings("jdbc:h2:mem:failed-start-example-core;DB_CLOSE_DELAY=-1",
                "jdbc:h2:mem:failed-start-example-audit;DB_CLOSE_DELAY=-1"))) {
            example.seed();
        }
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            all.add(t);
            all.addAll(List.of(t.getSuppressed()));
        }
        return all;
    }
}
