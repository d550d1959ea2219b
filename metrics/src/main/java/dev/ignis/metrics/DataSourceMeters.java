package dev.ignis.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.ignis.engine.DataSourceObserver;
import dev.ignis.engine.ReplicaPool;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds each datasource's connection pool and Hibernate statistics to a {@link MeterRegistry} when it starts
 * (register with {@code Engine.builder().observer(new DataSourceMeters(registry))}; {@code MetricsModule} does it):
 * <ul>
 *   <li>the HikariCP pool through HikariCP's own Micrometer tracker: {@code hikaricp.connections},
 *       {@code hikaricp.connections.active|idle|pending|max|min}, {@code hikaricp.connections.acquire|usage|creation}
 *       (timers), {@code hikaricp.connections.timeout}, tagged {@code pool=<datasource name>}; they go when the pool
 *       closes;</li>
 *   <li>Hibernate's statistics of the datasource's SessionFactory, tagged {@code datasource}: {@value #SESSIONS}
 *       ({@code state=opened|closed}), {@value #TRANSACTIONS} ({@code result=success|failure}), {@value #CONNECTIONS},
 *       {@value #STATEMENTS} ({@code status=prepared|closed}), {@value #FLUSHES}, {@value #QUERIES},
 *       {@value #QUERY_MAX} and {@value #ENTITIES} ({@code action=insert|update|delete|load|fetch}). Statistics are
 *       switched on for that SessionFactory (a small cost per operation); pass {@code false} to leave them alone.
 *       hibernate-micrometer cannot be used on the module path (it splits {@code org.hibernate.stat}).</li>
 *   <li>each read replica's pool ({@code <datasource>-replica-<n>}): the same HikariCP meters, tagged
 *       {@code pool=<datasource>-replica-<n>}, and {@value #REPLICA_LAG} (seconds the replica is behind its primary,
 *       asked with one query on the replica at each read of the gauge; NaN when it cannot tell, see
 *       {@link ReplicaPool#lagSeconds()}), tagged {@code datasource} and {@code pool}.</li>
 * </ul>
 */
public final class DataSourceMeters implements DataSourceObserver {
    public static final String SESSIONS = "hibernate.sessions";
    public static final String TRANSACTIONS = "hibernate.transactions";
    public static final String CONNECTIONS = "hibernate.connections.obtained";
    public static final String STATEMENTS = "hibernate.statements";
    public static final String FLUSHES = "hibernate.flushes";
    public static final String QUERIES = "hibernate.query.executions";
    public static final String QUERY_MAX = "hibernate.query.executions.max";
    public static final String ENTITIES = "hibernate.entities";
    public static final String REPLICA_LAG = "ignis.replica.lag";

    private final MeterRegistry registry;
    private final boolean hibernateStatistics;
    private final Map<String, List<Meter>> hibernateMeters = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> replicaMeters = new ConcurrentHashMap<>();

    /** Pool meters and Hibernate statistics. */
    public DataSourceMeters(MeterRegistry registry) {
        this(registry, true);
    }

    /** Pool meters, and Hibernate statistics only if {@code hibernateStatistics}. */
    public DataSourceMeters(MeterRegistry registry, boolean hibernateStatistics) {
        this.registry = registry;
        this.hibernateStatistics = hibernateStatistics;
    }

    @Override
    public void started(String dataSource, DataSource pool, SessionFactory sessionFactory) {
        track(pool);
        if (hibernateStatistics && sessionFactory != null) {
            Statistics statistics = sessionFactory.getStatistics();
            statistics.setStatisticsEnabled(true);
            hibernateMeters.put(dataSource, bind(dataSource, statistics));
        }
    }

    @Override
    public void replicaStarted(ReplicaPool replica) {
        track(replica.pool());
        // Held strongly: nothing else keeps the ReplicaPool view, and a weakly held one would read NaN after a GC.
        Meter lag = Gauge.builder(REPLICA_LAG, replica, ReplicaPool::lagSeconds).strongReference(true).baseUnit("seconds")
                .description("How far the read replica is behind its primary")
                .tags("datasource", replica.dataSource(), "pool", replica.name()).register(registry);
        replicaMeters.computeIfAbsent(replica.dataSource(), d -> new CopyOnWriteArrayList<>()).add(lag);
    }

    @Override
    public void closing(String dataSource) {
        for (Map<String, List<Meter>> meters : List.of(hibernateMeters, replicaMeters)) {
            List<Meter> gone = meters.remove(dataSource);
            if (gone != null) {
                gone.forEach(registry::remove);
            }
        }
    }

    /** HikariCP's own meters; allowed once on a running pool; a pool that already reports somewhere is left as it is. */
    private void track(DataSource pool) {
        if (pool instanceof HikariDataSource hikari && hikari.getMetricsTrackerFactory() == null && hikari.getMetricRegistry() == null) {
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    private List<Meter> bind(String dataSource, Statistics s) {
        Tags tags = Tags.of("datasource", dataSource);
        List<Meter> meters = new ArrayList<>();
        meters.add(counter(SESSIONS, "Sessions opened or closed", tags.and("state", "opened"), s, Statistics::getSessionOpenCount));
        meters.add(counter(SESSIONS, "Sessions opened or closed", tags.and("state", "closed"), s, Statistics::getSessionCloseCount));
        meters.add(counter(TRANSACTIONS, "Transactions completed", tags.and("result", "success"), s, Statistics::getSuccessfulTransactionCount));
        meters.add(counter(TRANSACTIONS, "Transactions completed", tags.and("result", "failure"), s,
                st -> st.getTransactionCount() - st.getSuccessfulTransactionCount()));
        meters.add(counter(CONNECTIONS, "JDBC connections obtained by Hibernate", tags, s, Statistics::getConnectCount));
        meters.add(counter(STATEMENTS, "JDBC statements prepared or closed", tags.and("status", "prepared"), s, Statistics::getPrepareStatementCount));
        meters.add(counter(STATEMENTS, "JDBC statements prepared or closed", tags.and("status", "closed"), s, Statistics::getCloseStatementCount));
        meters.add(counter(FLUSHES, "Session flushes", tags, s, Statistics::getFlushCount));
        meters.add(counter(QUERIES, "HQL and SQL queries executed", tags, s, Statistics::getQueryExecutionCount));
        meters.add(TimeGauge.builder(QUERY_MAX, s, TimeUnit.MILLISECONDS, Statistics::getQueryExecutionMaxTime)
                .description("The slowest query so far").tags(tags).register(registry));
        meters.add(counter(ENTITIES, "Entity operations", tags.and("action", "insert"), s, Statistics::getEntityInsertCount));
        meters.add(counter(ENTITIES, "Entity operations", tags.and("action", "update"), s, Statistics::getEntityUpdateCount));
        meters.add(counter(ENTITIES, "Entity operations", tags.and("action", "delete"), s, Statistics::getEntityDeleteCount));
        meters.add(counter(ENTITIES, "Entity operations", tags.and("action", "load"), s, Statistics::getEntityLoadCount));
        meters.add(counter(ENTITIES, "Entity operations", tags.and("action", "fetch"), s, Statistics::getEntityFetchCount));
        return meters;
    }

    private Meter counter(String name, String description, Tags tags, Statistics statistics, ToDoubleFunction<Statistics> count) {
        return FunctionCounter.builder(name, statistics, count).description(description).tags(tags).register(registry);
    }
}
