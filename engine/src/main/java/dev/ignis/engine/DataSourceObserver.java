package dev.ignis.engine;

import org.hibernate.SessionFactory;

import javax.sql.DataSource;

/**
 * Told when each datasource has started and when it closes, with its connection pool (a HikariCP
 * {@code HikariDataSource}, pool name = datasource name), its SessionFactory and its read replicas — for binding pool and Hibernate
 * statistics to a metrics registry. Register with {@link Engine.Builder#observer(DataSourceObserver)}.
 */
public interface DataSourceObserver {
    void started(String dataSource, DataSource pool, SessionFactory sessionFactory);

    /** A read replica of {@code replica.dataSource()} started with it (after {@link #started}); it closes with it. */
    default void replicaStarted(ReplicaPool replica) {
    }

    default void closing(String dataSource) {
    }
}
