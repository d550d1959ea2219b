package dev.ignis.benchmarks.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.benchmarks.hibernate.HConfiguration;
import dev.ignis.benchmarks.hibernate.HUser;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain-Hibernate contender: a SessionFactory over {@link HConfiguration}/{@link HUser} (JPA associations),
 * on a HikariCP pool configured like the engine's, with the same dialect settings the driver plugin gives the
 * engine. Reads are what a Java user writes: a regular Session and HQL with {@code join fetch}.
 */
public final class PlainHibernate implements AutoCloseable {
    public static final String PAGE_HQL = "select c from HConfiguration c left join fetch c.creator left join fetch c.modifier"
            + " where c.group = :group order by c.code, c.id";

    private final HikariDataSource pool;
    private final SessionFactory sessionFactory;

    public PlainHibernate(Db db) {
        this.pool = Pools.open(db, "plain-hibernate");
        Map<String, Object> settings = new HashMap<>();
        DataSourceConfig config = DataSourceConfig.named("plain").driver(db.driverName()).url(db.url()).user(db.user()).build();
        db.plugin().hibernateSettings(config).forEach((k, v) -> {
            if (k.startsWith("hibernate.") || k.startsWith("jakarta.")) {
                settings.put(k, v);
            }
        });
        settings.put(AvailableSettings.DATASOURCE, pool);
        settings.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        settings.put(AvailableSettings.GLOBALLY_QUOTED_IDENTIFIERS, true);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            this.sessionFactory = new MetadataSources(registry).addAnnotatedClass(HUser.class).addAnnotatedClass(HConfiguration.class)
                    .buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            pool.close();
            throw e;
        }
    }

    /** Scenario 1: the page with both to-one associations fetched by joins. */
    public List<HConfiguration> findPage(String group, int limit) {
        try (Session session = sessionFactory.openSession()) {
            return session.createSelectionQuery(PAGE_HQL, HConfiguration.class).setParameter("group", group).setMaxResults(limit).getResultList();
        }
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            pool.close();
        }
    }
}
