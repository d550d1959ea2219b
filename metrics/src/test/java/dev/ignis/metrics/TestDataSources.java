package dev.ignis.metrics;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;

/** Two embedded H2 databases through the real {@code h2} driver plugin; each instance gets its own databases. */
public final class TestDataSources {
    private TestDataSources() {
    }

    public static final class Notes extends BaseDataSource {
        public Notes(String prefix) {
            super(DataSourceConfig.named("Notes").driver("h2").url("jdbc:h2:mem:" + prefix + "-notes;DB_CLOSE_DELAY=-1")
                    .schemaAction(SchemaAction.CREATE).models(Note.class));
        }
    }

    public static final class People extends BaseDataSource {
        public People(String prefix) {
            super(DataSourceConfig.named("People").driver("h2").url("jdbc:h2:mem:" + prefix + "-people;DB_CLOSE_DELAY=-1")
                    .schemaAction(SchemaAction.CREATE).models(Owner.class));
        }
    }
}
