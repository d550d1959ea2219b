package dev.ignis.driver.h2;

import dev.ignis.conformance.ConformanceTestBase;
import dev.ignis.conformance.DatabaseTarget;
import dev.ignis.conformance.ScopeContract;

/** Soft delete and tenant isolation on H2, with an engine of their own (see {@link dev.ignis.conformance.ScopeFixture}). */
class H2ScopeConformanceTest extends ConformanceTestBase implements ScopeContract {

    @Override
    protected DatabaseTarget target() {
        return DatabaseTarget.h2();
    }
}
