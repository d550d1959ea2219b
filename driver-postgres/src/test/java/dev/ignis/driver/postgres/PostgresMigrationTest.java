package dev.ignis.driver.postgres;

import dev.ignis.conformance.DatabaseTarget;
import dev.ignis.conformance.migration.MigrationContract;

/** SchemaAction.MIGRATE (Flyway, then Hibernate's validation) on Postgres, in schemas of its own. */
class PostgresMigrationTest extends MigrationContract {
    @Override
    protected DatabaseTarget target() {
        return DatabaseTarget.postgres();
    }
}
