package dev.ignis.driver.h2;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.engine.Engine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A configuration mistake is the exception a failed start throws, not one suppressed under another datasource's failure. */
class StartErrorTest {

    @Test
    void aWrongUrlIsReportedFirstAndAlone() {
        // Listed first, and fails while it boots (it owns no models); before the fix its ModelException was thrown
        // and the URL mistake of the second datasource was only one of its suppressed exceptions.
        BaseDataSource empty = new BaseDataSource(DataSourceConfig.named("Empty").driver("h2").database("start-error-empty")) {
        };
        BaseDataSource wrongUrl = new BaseDataSource(DataSourceConfig.named("Orders").driver("h2").url("jdbc:mysql://127.0.0.1:3306/shop")) {
        };

        Throwable thrown = catchThrowable(() -> Engine.builder().dataSources(empty, wrongUrl).build().start());

        assertThat(thrown).isInstanceOf(DataSourceConfigException.class)
                .hasMessageStartingWith("DataSource Orders: driver 'h2' expects a JDBC URL starting with 'jdbc:h2:'")
                .hasNoCause();
        assertThat(thrown.getSuppressed()).isEmpty();
    }
}
