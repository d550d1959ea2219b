/**
 * Ignis driver plugins for MySQL 8+ ({@code mysql}) and MariaDB 10.11+ ({@code mariadb}), both through MySQL
 * Connector/J. Found by {@link java.util.ServiceLoader}; also usable directly as {@code new MySqlDriverPlugin()} /
 * {@code new MariaDbDriverPlugin()}.
 */
module dev.ignis.driver.mysql {
    requires dev.ignis.api;
    // Not used at compile time: requiring it puts the JDBC driver in the module graph wherever this plugin is.
    requires mysql.connector.j;

    exports dev.ignis.driver.mysql;

    provides dev.ignis.api.spi.DriverPlugin with dev.ignis.driver.mysql.MySqlDriverPlugin, dev.ignis.driver.mysql.MariaDbDriverPlugin;
}
