package dev.ignis.benchmarks.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * HikariCP pools for the JDBC and plain-Hibernate contenders, configured like the engine configures its own
 * (same pool size, same JDBC driver properties from the driver plugin), so only the layer above the pool differs.
 */
public final class Pools {
    private Pools() {
    }

    public static HikariDataSource open(Db db, String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(2);
        db.plugin().connectionDefaults().forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }

    public static HikariDataSource open(Db db, String name) {
        return open(db, db.url(), name);
    }
}
