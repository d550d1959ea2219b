package dev.ignis.engine;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.error.DataSourceStartException;
import dev.ignis.api.error.IgnisException;
import dev.ignis.api.error.ModelException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.model.CurrentUser;
import dev.ignis.api.model.TenantResolver;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.engine.internal.boot.Cleanup;
import dev.ignis.engine.internal.boot.DataSourceBooter;
import dev.ignis.engine.settings.EngineSettings;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.engine.internal.boot.DriverRegistry;
import dev.ignis.engine.internal.boot.HibernateBootstrap;
import dev.ignis.engine.internal.boot.SchemaScript;
import dev.ignis.engine.internal.execute.Observation;
import dev.ignis.engine.internal.execute.ReadExecutor;
import dev.ignis.engine.internal.relation.RelationRegistry;
import dev.ignis.engine.internal.execute.RowMaps;
import dev.ignis.engine.internal.execute.StartedDataSource;
import dev.ignis.engine.internal.route.Replica;
import dev.ignis.engine.internal.route.ReplicaRouter;

import io.micrometer.observation.ObservationRegistry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops a set of datasources: for each, the driver plugin it names, a HikariCP pool and a Hibernate
 * SessionFactory over exactly the models it owns. Repositories bound to those datasources work once
 * {@link #start()} returns.
 * <pre>{@code
 * try (Engine engine = Engine.builder().dataSource(new PostgresDataSource(env)).build().start()) {
 *     ConfigurationRepository configurations = new ConfigurationRepository(engine.dataSource("PostgresDataSource"));
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    private final Map<String, IDataSource> dataSources;
    private final DriverRegistry drivers;
    private final EngineSettings settings;
    private final Observation observation;
    private final List<StartedDataSource> started = new ArrayList<>();
    private final ExecutorService crossDataSourcePool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ignis-include");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;
    private volatile RelationRegistry registry;
    private HibernateBootstrap hibernate;

    private final List<DataSourceObserver> observers;

    private Engine(Map<String, IDataSource> dataSources, DriverRegistry drivers, EngineSettings settings, QueryListener listener,
                   ObservationRegistry observations, List<DataSourceObserver> observers) {
        this.observers = List.copyOf(observers);
        this.dataSources = dataSources;
        this.drivers = drivers;
        this.settings = settings;
        this.observation = new Observation(listener, observations);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every datasource, in parallel. If any fails, every one is closed again (pools, SessionFactories and
     * Hibernate's registries) and the first failure in registration order is thrown, naming its datasource and leading
     * with the root cause; the other datasources' failures and any clean-up failure are attached as suppressed.
     */
    public synchronized Engine start() {
        if (closed) {
            throw new IllegalStateException("Engine is closed");
        }
        if (!started.isEmpty()) {
            return this;
        }
        checkOwnership();
        Map<IDataSource, DriverPlugin> plugins = new LinkedHashMap<>();
        for (IDataSource ds : dataSources.values()) {
            DriverPlugin plugin = drivers.require(ds.name(), ds.driver());
            // A wrong URL is reported before anything boots, never underneath another datasource's failure.
            plugin.jdbcUrl(ds.config());
            plugins.put(ds, plugin);
        }
        HibernateBootstrap bootstrap = new HibernateBootstrap();
        List<StartedDataSource> up = new ArrayList<>();
        try {
            up.addAll(bootAll(plugins, bootstrap));
            registry = ReadExecutor.connect(up, settings, crossDataSourcePool);
            for (StartedDataSource runtime : up) {
                ((BaseDataSource) dataSources.get(runtime.name())).attach(runtime);
                observers.forEach(o -> o.started(runtime.name(), runtime.pool(), runtime.sessionFactory()));
                ReplicaRouter router = runtime.replicas();
                for (Replica replica : router.replicas()) {
                    ReplicaPool view = new ReplicaPool(runtime.name(), replica.poolName(), replica.pool(), () -> router.lagSeconds(replica));
                    observers.forEach(o -> o.replicaStarted(view));
                }
            }
        } catch (RuntimeException | Error e) {
            Cleanup cleanup = new Cleanup(e);
            for (StartedDataSource runtime : up) {
                cleanup.run(() -> {
                    BaseDataSource ds = (BaseDataSource) dataSources.get(runtime.name());
                    if (ds.isStarted() && ds.runtime() == runtime) {
                        ds.close(); // attached already: detach, then close its runtime
                    } else {
                        runtime.close();
                    }
                });
            }
            cleanup.run(bootstrap::close); // after the datasources, whose registries stand on it
            registry = null;
            throw e;
        }
        started.addAll(up);
        if (hibernate != null) {
            hibernate.close(); // an engine without datasources starts again on every call
        }
        hibernate = bootstrap;
        return this;
    }

    /**
     * Boots each datasource on a thread of its own and waits for all of them, so that none is still booting when a
     * failure is thrown. Returns them all, or closes the ones that came up and throws the first failure.
     */
    private List<StartedDataSource> bootAll(Map<IDataSource, DriverPlugin> plugins, HibernateBootstrap bootstrap) {
        ExecutorService boot = Executors.newFixedThreadPool(Math.max(1, plugins.size()), r -> {
            Thread t = new Thread(r, "ignis-boot");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, CompletableFuture<StartedDataSource>> futures = new LinkedHashMap<>();
            plugins.forEach((ds, plugin) -> futures.put(ds.name(), CompletableFuture.supplyAsync(
                    () -> DataSourceBooter.boot(ds, plugin, settings, observation, bootstrap), boot)));
            List<StartedDataSource> up = new ArrayList<>();
            Cleanup failures = new Cleanup();
            boolean failed = false;
            for (Map.Entry<String, CompletableFuture<StartedDataSource>> future : futures.entrySet()) {
                try {
                    up.add(future.getValue().join());
                } catch (CompletionException e) {
                    failures.add(asStartFailure(future.getKey(), e.getCause()));
                    failed = true;
                }
            }
            if (failed) {
                up.forEach(runtime -> failures.run(runtime::close));
                failures.throwIfFailed();
            }
            return up;
        } finally {
            boot.shutdownNow();
            awaitQuietly(boot);
        }
    }

    /** Every boot task has ended when this is called; waiting lets their threads leave too. */
    private static void awaitQuietly(ExecutorService boot) {
        try {
            boot.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable asStartFailure(String dataSource, Throwable cause) {
        if (cause instanceof IgnisException || cause instanceof VirtualMachineError) {
            return cause;
        }
        return new DataSourceStartException(dataSource, cause.toString(), cause);
    }

    private void checkOwnership() {
        Map<Class<?>, String> owners = new HashMap<>();
        for (IDataSource ds : dataSources.values()) {
            for (Class<?> model : ds.models()) {
                String previous = owners.putIfAbsent(model, ds.name());
                if (previous != null) {
                    throw new ModelException("Model " + model.getSimpleName() + " is owned by two datasources, " + previous
                            + " and " + ds.name() + "; a model belongs to exactly one");
                }
            }
        }
    }

    /** A registered datasource by name; throws with the registered names when there is none. */
    public IDataSource dataSource(String name) {
        IDataSource ds = dataSources.get(name);
        if (ds == null) {
            throw new IllegalArgumentException("No datasource named '" + name + "'; registered: " + String.join(", ", dataSources.keySet()));
        }
        return ds;
    }

    public List<IDataSource> dataSources() {
        return List.copyOf(dataSources.values());
    }

    /**
     * The DDL Hibernate would run to create this datasource's models on its database — its dialect and version, its
     * quoting and column naming, without {@code skipMigrate} and VIEW models — as a starting {@code V1__init.sql} for
     * {@link dev.ignis.api.datasource.SchemaAction#MIGRATE}. Works before {@link #start()}: it connects to learn the
     * dialect and changes nothing in the database.
     */
    public String createSchemaScript(String dataSourceName) {
        IDataSource ds = dataSource(dataSourceName);
        try (HibernateBootstrap bootstrap = new HibernateBootstrap()) {
            return SchemaScript.create(ds, drivers.require(ds.name(), ds.driver()), settings, observation, bootstrap);
        }
    }

    /** The names of the driver plugins that were discovered. */
    public List<String> drivers() {
        return drivers.names();
    }

    /**
     * A new read-your-writes scope: reads run in it, on any thread, see the writes committed in it before they started,
     * also when they go to replicas. See {@link ReadYourWrites} and README "Read replicas".
     */
    public ReadYourWrites readYourWrites() {
        return new ReadYourWrites();
    }

    public EngineSettings settings() {
        return settings;
    }

    /**
     * A model row as the filter language sees it: flat properties by filter key (enricher columns included), null
     * ones too, and the relations that hold rows, recursively. Hidden properties are left out. For JSON responses
     * when the filter that read the row is not at hand; the engine must have started.
     */
    public Map<String, Object> toMap(Object row) {
        return RowMaps.toMap(startedRegistry(), row, null);
    }

    /**
     * A model row as {@code filter} (the one that read it) selected it: every property of its {@code fields} (all
     * visible ones when it names none), with {@code null} where the value is null, and each relation it included — a
     * to-one as a map or {@code null}, a to-many as a list, never null — each by its include's scope. Hidden and
     * unselected properties (keys read only to stitch relations) never appear.
     */
    public Map<String, Object> toMap(Object row, Filter filter) {
        return RowMaps.toMap(startedRegistry(), row, java.util.Objects.requireNonNull(filter, "filter"));
    }

    private RelationRegistry startedRegistry() {
        RelationRegistry current = registry;
        if (current == null) {
            throw new IllegalStateException("Engine has not started");
        }
        return current;
    }

    /** Closes every datasource's session factory and pool; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Cleanup cleanup = new Cleanup();
        for (IDataSource ds : dataSources.values()) {
            if (ds.isStarted()) {
                observers.forEach(o -> cleanup.run(() -> o.closing(ds.name())));
            }
            cleanup.run(ds::close);
        }
        started.clear();
        crossDataSourcePool.shutdownNow();
        if (hibernate != null) {
            cleanup.run(hibernate::close); // after the datasources, whose registries stand on it
        }
        cleanup.throwIfFailed();
    }

    /** Collects datasources and settings; {@link #build()} validates them. */
    public static final class Builder {
        private final Map<String, IDataSource> dataSources = new LinkedHashMap<>();
        private final List<DriverPlugin> explicitDrivers = new ArrayList<>();
        private int defaultLimit = EngineSettings.DEFAULT_LIMIT;
        private int maxLimit = EngineSettings.MAX_LIMIT;
        private Clock clock = Clock.systemUTC();
        private CurrentUser currentUser = CurrentUser.ANONYMOUS;
        private TenantResolver tenantResolver = TenantResolver.NONE;
        private final List<QueryListener> listeners = new ArrayList<>();
        private ObservationRegistry observations = ObservationRegistry.NOOP;
        private int maxIncludeDepth = EngineSettings.MAX_INCLUDE_DEPTH;
        private int inListChunkSize;
        private int maxRelatedKeys = EngineSettings.MAX_RELATED_KEYS;
        private boolean crossDataSourceReadsInTransaction;
        private boolean plannedSelects = true;

        /** How deep includes may nest (5 unless set). */
        public Builder maxIncludeDepth(int levels) {
            this.maxIncludeDepth = levels;
            return this;
        }

        /** Keys per {@code IN (...)} list of batched lookups; 0 (the default) uses each driver's limit. */
        public Builder inListChunkSize(int keys) {
            this.inListChunkSize = keys;
            return this;
        }

        /** Most keys a related-field condition may collect on another datasource (10 000 unless set). */
        public Builder maxRelatedKeys(int keys) {
            this.maxRelatedKeys = keys;
            return this;
        }

        /**
         * Lets an include inside a transaction read a relation owned by another datasource, outside that transaction.
         * Off by default: such an include then fails instead of silently leaving the transaction.
         */
        public Builder allowCrossDataSourceReadsInTransaction(boolean allow) {
            this.crossDataSourceReadsInTransaction = allow;
            return this;
        }

        /**
         * Whether selects run as statements planned once per shape and read by generated code (on by default). Off,
         * every select goes through Hibernate's query API and rows are filled property by property: the same rows,
         * slower; a way to rule the planned path out. Locked reads still need a planned statement for the lock clause.
         */
        public Builder plannedSelects(boolean planned) {
            this.plannedSelects = planned;
            return this;
        }

        private Builder() {
        }

        private final List<DataSourceObserver> observers = new ArrayList<>();

        /** Told about each datasource's pool and SessionFactory when it starts and closes; see {@link DataSourceObserver}. */
        public Builder observer(DataSourceObserver observer) {
            observers.add(observer);
            return this;
        }

        /** Receives every statement and repository call; see {@link QueryListener}. */
        public Builder listener(QueryListener listener) {
            listeners.add(listener);
            return this;
        }

        /**
         * Makes each repository call and each of its statements a Micrometer observation in {@code registry} (see
         * {@link dev.ignis.engine.settings.QueryObservations}); with micrometer-tracing's handler there, a call is a
         * span with a child span per statement. None is made unless set.
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            this.observations = java.util.Objects.requireNonNull(registry, "registry");
            return this;
        }

        public Builder dataSource(IDataSource dataSource) {
            if (dataSources.putIfAbsent(dataSource.name(), dataSource) != null) {
                throw new IllegalArgumentException("Two datasources are named '" + dataSource.name() + "'");
            }
            return this;
        }

        public Builder dataSources(IDataSource... more) {
            Arrays.stream(more).forEach(this::dataSource);
            return this;
        }

        /** Uses these driver plugins instead of discovering them with ServiceLoader. */
        public Builder drivers(DriverPlugin... plugins) {
            explicitDrivers.addAll(Arrays.asList(plugins));
            return this;
        }

        /** Rows returned when a filter has no limit and its model declares no default (100 unless set). */
        public Builder defaultLimit(int rows) {
            this.defaultLimit = rows;
            return this;
        }

        /** The largest limit a filter may ask for (1000 unless set); larger ones are rejected. */
        public Builder maxLimit(int rows) {
            this.maxLimit = rows;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Who writes, for the user-audit columns. */
        public Builder currentUser(CurrentUser currentUser) {
            this.currentUser = currentUser;
            return this;
        }

        /**
         * Whose rows calls on tenant models ({@code @Model(tenant = ...)}) see; {@code Tenants.run} overrides it per
         * block. Without one (and outside {@code Tenants.run}), calls on tenant models fail with TenantException.
         */
        public Builder tenantResolver(TenantResolver tenantResolver) {
            this.tenantResolver = tenantResolver;
            return this;
        }

        public Engine build() {
            if (dataSources.isEmpty()) {
                throw new IllegalArgumentException("An engine needs at least one datasource");
            }
            DriverRegistry registry = explicitDrivers.isEmpty() ? DriverRegistry.discover() : new DriverRegistry(explicitDrivers);
            return new Engine(new LinkedHashMap<>(dataSources), registry, new EngineSettings(defaultLimit, maxLimit, clock, currentUser,
                            maxIncludeDepth, inListChunkSize, maxRelatedKeys, crossDataSourceReadsInTransaction, tenantResolver, plannedSelects),
                    listeners.isEmpty() ? QueryListener.NONE : listeners.size() == 1 ? listeners.get(0) : new CompositeListener(listeners),
                    observations, observers);
        }
    }
}
