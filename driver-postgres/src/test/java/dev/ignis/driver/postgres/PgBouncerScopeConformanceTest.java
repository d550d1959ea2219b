package dev.ignis.driver.postgres;

import dev.ignis.conformance.DatabaseTarget;

/** Soft delete and tenant isolation through PgBouncer in transaction pooling mode, as {@link PgBouncerConformanceTest}. */
class PgBouncerScopeConformanceTest extends PostgresScopeConformanceTest {

    @Override
    protected DatabaseTarget target() {
        PgBouncer bouncer = PgBouncer.shared();
        return DatabaseTarget.postgresAt(bouncer.url(PgBouncer.DATABASE), PgBouncer.USER, "").withTransactionPooling();
    }

    /** The fuzz of the direct run covers the filters; here 300 documents show the scopes hold through the pooler. */
    @Override
    public int scopeFuzzDocuments() {
        return Integer.getInteger("ignis.scope.fuzz.pgbouncer", 300);
    }
}
