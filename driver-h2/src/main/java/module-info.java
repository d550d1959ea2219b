/**
 * Ignis driver plugin for H2 2.x: in-memory databases for tests and edge devices, file or server databases
 * through a JDBC URL. Found by {@link java.util.ServiceLoader}; also usable directly as
 * {@code new H2DriverPlugin()}.
 */
module dev.ignis.driver.h2 {
    requires dev.ignis.api;
    // Not used at compile time: requiring it puts the JDBC driver in the module graph wherever this plugin is.
    requires com.h2database;

    exports dev.ignis.driver.h2;

    provides dev.ignis.api.spi.DriverPlugin with dev.ignis.driver.h2.H2DriverPlugin;
}
