package dev.ignis.engine.internal.boot;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.spi.DriverPlugin;

import java.time.Duration;

/** Opens the HikariCP pools of a datasource (its primary's, its replicas'), sized and tuned by its configuration. */
final class PoolOpener {
    /**
     * One pool to open: its name, where it connects (credentials in the URL are taken out of it), the credentials
     * given beside the URL (null: those in the URL), whether its connections are read-only, how long a caller waits.
     */
    record PoolSpec(String poolName, String url, String user, String password, boolean readOnly, Duration connectionTimeout) {
    }

    private PoolOpener() {
    }

    /** Opens the pool, connecting once; a failure is a {@link DataSourceUnavailableException} naming the datasource. */
    static HikariDataSource open(DataSourceConfig config, DriverPlugin driver, PoolSpec spec) {
        UrlCredentials credentials = UrlCredentials.split(spec.url());
        String user = spec.user() != null ? spec.user() : credentials.user();
        String password = spec.password() != null && !spec.password().isEmpty() ? spec.password() : credentials.password();
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(spec.poolName());
        pool.setJdbcUrl(credentials.url());
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setReadOnly(spec.readOnly());
        pool.setMaximumPoolSize(config.maxPoolSize());
        pool.setMinimumIdle(config.minIdle());
        pool.setConnectionTimeout(spec.connectionTimeout().toMillis());
        pool.setIdleTimeout(config.idleTimeout().toMillis());
        pool.setMaxLifetime(config.maxLifetime().toMillis());
        ConnectionProperties.of(driver.connectionDefaults(config), credentials.url(), config.properties()).forEach(pool::addDataSourceProperty);
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            String what = e instanceof HikariPool.PoolInitializationException ? "cannot connect to " : "cannot open the connection pool for ";
            String message = what + DataSourceConfig.redactUrl(credentials.url()) + " as " + user
                    + (spec.poolName().equals(config.name()) ? "" : " (pool " + spec.poolName() + ")") + ": " + DataSourceBooter.rootMessage(e);
            boolean leaks = password != null && !password.isEmpty() && chainMentions(e, password);
            // A driver may echo what it was given; such a cause is not passed on, and the message is scrubbed.
            throw new DataSourceUnavailableException(config.name(), leaks ? message.replace(password, "****") : message, leaks ? null : e);
        }
    }

    private static boolean chainMentions(Throwable e, String secret) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(secret)) {
                return true;
            }
        }
        return false;
    }
}
