package dev.ignis.engine.internal.boot;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.engine.Engine;
import dev.ignis.engine.smoke.Item;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A class missing at run time while a datasource boots is reported with the datasource and what to do about it. */
class StartFailureMessageTest {

    /** The H2 test driver, whose Hibernate settings fail as a missing jakarta.transaction module does. */
    static final class MissingClassDriver implements DriverPlugin {
        private final TestH2Driver h2 = new TestH2Driver();

        @Override
        public String name() {
            return "missing-class";
        }

        @Override
        public String jdbcUrl(DataSourceConfig config) {
            return h2.jdbcUrl(config);
        }

        @Override
        public Map<String, Object> hibernateSettings(DataSourceConfig config) {
            throw new NoClassDefFoundError("jakarta/transaction/TransactionManager");
        }
    }

    @Test
    void aMissingClassNamesTheDataSourceAndTheModulePath() {
        BaseDataSource orders = new BaseDataSource(DataSourceConfig.named("Orders").driver("missing-class")
                .database("start-failure-message").models(Item.class)) {
        };

        Throwable thrown = catchThrowable(() -> Engine.builder().drivers(new MissingClassDriver()).dataSource(orders).build().start());

        assertThat(thrown).isInstanceOf(ModelException.class)
                .hasMessageStartingWith("DataSource Orders failed to start: java.lang.NoClassDefFoundError: jakarta/transaction/TransactionManager")
                .hasMessageContaining("module path")
                .hasCauseInstanceOf(NoClassDefFoundError.class);
    }
}
