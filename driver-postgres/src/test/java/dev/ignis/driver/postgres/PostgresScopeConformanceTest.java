package dev.ignis.driver.postgres;

import dev.ignis.conformance.ConformanceTestBase;
import dev.ignis.conformance.DatabaseTarget;
import dev.ignis.conformance.ScopeContract;

/** Soft delete and tenant isolation on PostgreSQL, with an engine of their own (see {@link dev.ignis.conformance.ScopeFixture}). */
class PostgresScopeConformanceTest extends ConformanceTestBase implements ScopeContract {

    @Override
    protected DatabaseTarget target() {
        return DatabaseTarget.postgres();
    }
}
