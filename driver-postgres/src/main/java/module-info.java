/**
 * Ignis driver plugin for PostgreSQL through pgjdbc. Found by {@link java.util.ServiceLoader}; also usable
 * directly as {@code new PostgresDriverPlugin()}.
 */
module dev.ignis.driver.postgres {
    requires dev.ignis.api;
    // Not used at compile time: requiring it puts the JDBC driver in the module graph wherever this plugin is.
    requires org.postgresql.jdbc;

    exports dev.ignis.driver.postgres;

    provides dev.ignis.api.spi.DriverPlugin with dev.ignis.driver.postgres.PostgresDriverPlugin;
}
