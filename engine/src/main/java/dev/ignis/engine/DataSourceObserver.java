package dev.ignis.engine;

import org.hibernate.SessionFactory;

import javax.sql.DataSource;

/**
 * Told when each datasource has started and when it closes, with its connection pool (a HikariCP
 * {@code HikariDataSource}, pool name = datasource name) and its SessionFactory — for binding pool and Hibernate
 * statistics to a metrics registry. Register with {@link Engine.Builder#observer(DataSourceObserver)}.
 */
public interface DataSourceObserver {
    void started(String dataSource, DataSource pool, SessionFactory sessionFactory);

    default void closing(String dataSource) {
    }
}
