package dev.ignis.driver.h2;

import dev.ignis.conformance.DatabaseTarget;
import dev.ignis.conformance.migration.MigrationContract;

/** SchemaAction.MIGRATE (Flyway, then Hibernate's validation) on H2, in schemas of its own. */
class H2MigrationTest extends MigrationContract {
    @Override
    protected DatabaseTarget target() {
        return DatabaseTarget.h2();
    }
}
