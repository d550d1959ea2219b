package dev.ignis.driver.mysql;

import dev.ignis.conformance.ConformanceTestBase;
import dev.ignis.conformance.DatabaseTarget;
import dev.ignis.conformance.ScopeContract;

/** Soft delete and tenant isolation on MariaDB, with an engine of their own (see {@link dev.ignis.conformance.ScopeFixture}). */
class MariaDbScopeConformanceTest extends ConformanceTestBase implements ScopeContract {

    @Override
    protected DatabaseTarget target() {
        return DatabaseTarget.mariadb();
    }
}
