package dev.ignis.driver.mysql;

import dev.ignis.conformance.ConformanceTestBase;
import dev.ignis.conformance.DatabaseTarget;
import dev.ignis.conformance.StreamVolumeContract;

/** A million rows streamed from MariaDB; run by its own surefire execution with {@code -Xmx128m}. */
class MariaDbStreamVolumeTest extends ConformanceTestBase implements StreamVolumeContract {
    @Override
    protected DatabaseTarget target() {
        return DatabaseTarget.mariadb();
    }
}
