package dev.ignis.engine.internal.boot;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.ReplicaConfig;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.engine.internal.route.Replica;
import dev.ignis.engine.internal.route.ReplicaRouter;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens a datasource's replica pools: read-only, named {@code <datasource>-replica-<n>}, with the replica's own
 * credentials or the primary's. The replicas share the primary's SessionFactory (sessions are opened on a replica's
 * connection): same models, same dialect. If one cannot connect, those already opened are closed and the start fails.
 */
final class ReplicaBooter {
    private ReplicaBooter() {
    }

    static ReplicaRouter open(DataSourceConfig config, DriverPlugin driver) {
        if (config.replicaSettings().isEmpty()) {
            return ReplicaRouter.none(config.name());
        }
        List<Replica> opened = new ArrayList<>();
        try {
            List<ReplicaConfig> replicas = config.replicaSettings().replicas();
            for (int i = 0; i < replicas.size(); i++) {
                ReplicaConfig replica = replicas.get(i);
                String poolName = config.name() + "-replica-" + (i + 1);
                String user = replica.user() != null ? replica.user() : config.user();
                String password = replica.password() != null ? replica.password() : config.password();
                HikariDataSource pool = PoolOpener.open(config, driver, new PoolOpener.PoolSpec(poolName, replica.url(), user, password, true,
                        config.replicaSettings().connectionTimeout()));
                opened.add(ReplicaRouter.replica(poolName, pool));
            }
        } catch (RuntimeException e) {
            opened.forEach(r -> r.pool().close());
            throw e;
        }
        return new ReplicaRouter(config.name(), opened, config.replicaSettings(), driver);
    }
}
