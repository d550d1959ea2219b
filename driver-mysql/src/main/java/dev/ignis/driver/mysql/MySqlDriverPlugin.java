package dev.ignis.driver.mysql;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.error.UnsupportedOperatorException;
import dev.ignis.api.repository.RowLock;

import java.util.Map;

/**
 * The {@code mysql} driver: MySQL 8.0.17+ through Connector/J.
 *
 * <p>Give either {@code url("jdbc:mysql://host:3306/db")} or host (default {@code 127.0.0.1}), port (default 3306)
 * and database; user and password go to the driver as connection properties, never into the URL. For MariaDB use
 * the {@code mariadb} driver: Connector/J reports MariaDB as MySQL 5.5.
 *
 * <p>MySQL 8 reports its version correctly, so Hibernate reads it from the connection and picks
 * {@code MySQLDialect}. Exact string comparisons use {@code utf8mb4_0900_bin} (binary, NO PAD; MySQL 8.0.17+);
 * regular expressions use ICU's {@code REGEXP_LIKE} with the {@code 'c'} or {@code 'i'} match type.
 * See {@link MySqlFamilyPlugin} for the filter templates.
 */
public final class MySqlDriverPlugin extends MySqlFamilyPlugin {
    public static final String NAME = "mysql";

    public MySqlDriverPlugin() {
        super(NAME, "utf8mb4_0900_bin",
                "regexp_like(?1, ?2, 'c')",
                "regexp_like(?1, ?2, 'i')");
    }

    @Override
    void addSettings(Map<String, Object> settings) {
        // Nothing: the version comes from the connection.
    }

    /**
     * Connector/J reports MariaDB as "MySQL" with a version such as {@code 5.5.5-10.11.6-MariaDB}; this driver's
     * collation and functions do not exist there, so it refuses that server at start and names the right driver.
     */
    @Override
    public void checkServer(DataSourceConfig config, String productName, String productVersion) {
        if (productVersion != null && productVersion.contains("MariaDB")) {
            throw new DataSourceConfigException("DataSource " + config.name() + ": driver '" + NAME + "' reached a MariaDB server ("
                    + productVersion + "); use driver '" + MariaDbDriverPlugin.NAME + "' for MariaDB");
        }
    }

    /** MySQL 8 caches server-side prepared statements well (HikariCP's recommended setting). */
    @Override
    boolean useServerPrepStmts() {
        return true;
    }

    /** MySQL 8: {@code for update|for share [nowait|skip locked]}; its lock clause has no wait time. */
    @Override
    public String lockClause(RowLock lock) {
        if (lock.timeout() != null) {
            throw new UnsupportedOperatorException("lock", lock.toString(), name(), "MySQL has no per-statement lock wait time");
        }
        String clause = lock.strength() == RowLock.Strength.FOR_UPDATE ? " for update" : " for share";
        return switch (lock.waitPolicy()) {
            case WAIT -> clause;
            case NOWAIT -> clause + " nowait";
            case SKIP_LOCKED -> clause + " skip locked";
        };
    }
}
