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

    /** A server costs about 27 ms per filter (find and count with includes): 2,000 here, 10,000 on H2. */
    @Override
    public int scopeFuzzDocuments() {
        return Integer.getInteger("ignis.scope.fuzz", 2_000);
    }
}
