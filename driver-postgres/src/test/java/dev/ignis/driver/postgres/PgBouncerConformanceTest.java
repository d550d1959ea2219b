package dev.ignis.driver.postgres;

import dev.ignis.conformance.DatabaseTarget;

/**
 * The whole PostgreSQL conformance suite through a real PgBouncer in transaction pooling mode ({@link PgBouncer}), with
 * the datasources in {@code transactionPooling} mode. Skipped without PgBouncer, failed instead when {@code CI=true}.
 */
class PgBouncerConformanceTest extends PostgresConformanceTest {

    @Override
    protected DatabaseTarget target() {
        return PgBouncer.shared().conformanceTarget();
    }
}
