package dev.ignis.driver.postgres;

import dev.ignis.conformance.DatabaseTarget;

/** Soft delete and tenant isolation through PgBouncer in transaction pooling mode, as {@link PgBouncerConformanceTest}. */
class PgBouncerScopeConformanceTest extends PostgresScopeConformanceTest {

    @Override
    protected DatabaseTarget target() {
        return PgBouncer.shared().conformanceTarget();
    }
}
