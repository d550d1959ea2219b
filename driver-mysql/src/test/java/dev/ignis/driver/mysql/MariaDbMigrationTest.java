package dev.ignis.driver.mysql;

import dev.ignis.conformance.DatabaseTarget;
import dev.ignis.conformance.migration.MigrationContract;

/** SchemaAction.MIGRATE (Flyway, then Hibernate's validation) on MariaDb, in schemas of its own. */
class MariaDbMigrationTest extends MigrationContract {
    @Override
    protected DatabaseTarget target() {
        return DatabaseTarget.mariadb();
    }
}
