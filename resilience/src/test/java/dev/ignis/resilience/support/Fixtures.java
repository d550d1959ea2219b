package dev.ignis.resilience.support;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;

import java.time.Duration;
import java.util.UUID;

/** Datasources for the tests, on a private server, a shared one or H2 in memory. */
public final class Fixtures {
    private Fixtures() {
    }

    public static BaseDataSource dataSource(String name, String driver, String url, String user, int poolSize,
                                            Duration connectionTimeout, Class<?>... models) {
        return dataSource(name, driver, url, user, "", poolSize, connectionTimeout, models);
    }

    public static BaseDataSource dataSource(String name, String driver, String url, String user, String password, int poolSize,
                                            Duration connectionTimeout, Class<?>... models) {
        return new BaseDataSource(DataSourceConfig.named(name).driver(driver).url(url).user(user).password(password)
                .maxPoolSize(poolSize).connectionTimeout(connectionTimeout)
                .schemaAction(SchemaAction.CREATE).models(models)) {
        };
    }

    public static BaseDataSource on(PrivateServer server, String name, int poolSize, Duration connectionTimeout, Class<?>... models) {
        return dataSource(name, server.driver(), server.jdbcUrl(), server.user(), poolSize, connectionTimeout, models);
    }

    public static BaseDataSource h2(String name, Class<?>... models) {
        return dataSource(name, "h2", "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", 10,
                Duration.ofSeconds(5), models);
    }
}
