package dev.ignis.conformance;

import org.junit.jupiter.api.AfterAll;

/**
 * What the hostile-input contracts share: the test instance's {@link HostileFixture} (a second engine with
 * relation models and a canary table), started on first use and closed after the class's last test.
 */
public interface HostileInputFixture extends ConformanceFixture {

    /** The hostile fixture of this test instance. */
    default HostileFixture hostile() {
        return HostileFixture.of(this);
    }

    @AfterAll
    default void closeHostileFixture() {
        HostileFixture.closeFor(this);
    }
}
