package dev.ignis.driver.postgres;

import dev.ignis.conformance.ConformanceTestBase;
import dev.ignis.conformance.DatabaseTarget;
import dev.ignis.conformance.StreamVolumeContract;

/** A million rows streamed from PostgreSQL; run by its own surefire execution with {@code -Xmx128m}. */
class PostgresStreamVolumeTest extends ConformanceTestBase implements StreamVolumeContract {
    @Override
    protected DatabaseTarget target() {
        return DatabaseTarget.postgres();
    }
}
