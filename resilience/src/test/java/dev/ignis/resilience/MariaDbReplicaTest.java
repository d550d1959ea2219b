package dev.ignis.resilience;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.engine.Engine;
import dev.ignis.engine.ReadYourWrites;
import dev.ignis.metrics.DataSourceMeters;
import dev.ignis.resilience.model.Account;
import dev.ignis.resilience.model.Branch;
import dev.ignis.resilience.model.Entry;
import dev.ignis.resilience.support.ReplicaKill;
import dev.ignis.resilience.support.StatementEvents;
import dev.ignis.resilience.support.PrivateMariaDb;
import dev.ignis.resilience.support.Wait;
import dev.ignis.resilience.support.Workers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static dev.ignis.resilience.support.Workers.onAnotherThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads on real MariaDB replication: a private primary with a GTID binary log and one replica following it with
 * {@code MASTER_USE_GTID=slave_pos}, on free loopback ports. Each server's own {@code Com_select} / {@code Com_update}
 * counters say where the statements went; stopping the replica's SQL thread makes it lag for as long as a test needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MariaDbReplicaTest {
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    PrivateMariaDb primary;
    PrivateMariaDb replica;

    @BeforeAll
    void startReplication() {
        primary = PrivateMariaDb.startedPrimary();
        BaseDataSource setup = dataSource("Setup", SchemaAction.CREATE, b -> { });
        try (Engine engine = Engine.builder().dataSources(setup).build().start()) {
            assertThat(engine.dataSource("Setup").isStarted()).isTrue();
            new CrudRepository<>(setup, Account.class).createAll(IntStream.range(0, 20).mapToObj(i -> new Account("seed-" + i, null, i)).toList());
        }
        replica = primary.replica();
        assertThat(replica.queryLong("select count(*) from res_account")).as("the replica applied the primary's writes").isEqualTo(20);
    }

    @AfterAll
    void stopServers() {
        for (PrivateMariaDb server : new PrivateMariaDb[] {replica, primary}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    @Order(1)
    void readsGoToTheReplicaAndWritesStayOnThePrimary() {
        StatementEvents events = new StatementEvents();
        BaseDataSource ds = dataSource("Spread", SchemaAction.NONE, b -> b.replica(replica.jdbcUrl()));
        int reads = 300;
        try (Engine engine = Engine.builder().dataSources(ds).listener(events).build().start()) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(ds, Account.class);
            long[] selectsBefore = {primary.status("Com_select"), replica.status("Com_select")};
            try (Workers workers = new Workers("maria-spread")) {
                AtomicInteger done = new AtomicInteger();
                for (int w = 0; w < 4; w++) {
                    workers.start("r" + w, (worker, i) -> {
                        if (done.incrementAndGet() <= reads) {
                            assertThat(accounts.find(Filter.where("kind", "plain").limit(10))).hasSize(10);
                        }
                    });
                }
                Wait.until(Duration.ofSeconds(30), reads + " reads", () -> done.get() >= reads);
                workers.stop(Duration.ofSeconds(10));
            }
            long onPrimary = primary.status("Com_select") - selectsBefore[0];
            long onReplica = replica.status("Com_select") - selectsBefore[1];
            assertThat(events.statements(e -> e.operation().equals("find"))).hasSize(reads)
                    .allSatisfy(e -> assertThat(e.pool()).isEqualTo("Spread-replica-1"));
            // Besides the reads: the connections the test opens to read the counters run a few selects of their own.
            assertThat(onReplica).as("the replica's own Com_select").isBetween((long) reads, reads + 10L);
            assertThat(onPrimary).as("the primary's Com_select (only the counter connections)").isLessThan(10);

            // The replica applies nothing while the writes run, so its Com_update can only move if a client updated on it.
            replica.execute("STOP SLAVE SQL_THREAD");
            long updatesBefore = primary.status("Com_update");
            long replicaUpdatesBefore = replica.status("Com_update");
            events.clear();
            onAnotherThread(() -> {
                for (int i = 0; i < 10; i++) {
                    accounts.updateAll(Map.of("status", "w" + i), Where.eq("name", "seed-" + i), WriteOptions.noReturn());
                }
                return null;
            });
            assertThat(events.statements(e -> true)).hasSize(10).allSatisfy(e -> assertThat(e.role() + " " + e.pool()).isEqualTo("primary Spread"));
            assertThat(primary.status("Com_update") - updatesBefore).as("the primary ran the 10 updates").isEqualTo(10);
            assertThat(replica.status("Com_update") - replicaUpdatesBefore).as("no update ran on the replica").isZero();
            replica.execute("START SLAVE SQL_THREAD");
            replica.awaitApplied(primary, Duration.ofSeconds(10));
            assertThat(replica.queryLong("select count(*) from res_account where status like 'w%'")).isEqualTo(10);
            System.out.printf("[mariadb replica] %d reads: Com_select +%d on the replica, +%d on the primary; 10 updates: Com_update +10 on"
                    + " the primary, +0 on the replica%n", reads, onReplica, onPrimary);
        }
    }

    @Test
    @Order(2)
    void readYourWritesHoldsWhileTheReplicaDoesNotApplyPerThreadAndPerScope() throws Exception {
        StatementEvents events = new StatementEvents();
        BaseDataSource ds = dataSource("Lagging", SchemaAction.NONE, b -> b.replica(replica.jdbcUrl()));
        ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "writer"));
        replica.execute("STOP SLAVE SQL_THREAD");
        try (Engine engine = Engine.builder().dataSources(ds).listener(events).build().start()) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(ds, Account.class);
            // The writing thread: each read right after its write goes to the primary and sees the write.
            int rounds = 10;
            String last = writerThread.submit(() -> {
                String name = null;
                for (int i = 0; i < rounds; i++) {
                    name = "ryw-" + i + "-" + System.nanoTime();
                    Account written = accounts.create(new Account(name, null, i)).data().get(0);
                    events.clear();
                    assertThat(accounts.findById(written.getId())).as("round %d: the thread reads its own write", i).isPresent();
                    assertThat(events.statements(e -> true)).singleElement().satisfies(e -> assertThat(e.role()).isEqualTo("primary"));
                }
                return name;
            }).get(30, TimeUnit.SECONDS);
            events.clear();
            assertThat(onAnotherThread(() -> accounts.findOne(Filter.where("name", last))))
                    .as("another thread reads the replica, which has not applied the write: the guarantee is per thread").isEmpty();
            assertThat(events.statements(e -> true)).singleElement().satisfies(e -> assertThat(e.role()).isEqualTo("replica"));

            // A scope carries the guarantee to every thread that runs in it.
            ReadYourWrites scope = engine.readYourWrites();
            String scoped = "scoped-" + System.nanoTime();
            onAnotherThread(() -> scope.call(() -> accounts.create(new Account(scoped, null, 1))));
            events.clear();
            assertThat(onAnotherThread(() -> scope.call(() -> accounts.findOne(Filter.where("name", scoped)))))
                    .as("a thread in the scope sees the scope's write").isPresent();
            assertThat(events.statements(e -> true)).singleElement().satisfies(e -> assertThat(e.role()).isEqualTo("primary"));
            assertThat(onAnotherThread(() -> accounts.findOne(Filter.where("name", scoped)))).as("outside the scope: the replica").isEmpty();

            // Once the replica applies the writes, the writer and the scope read it again.
            replica.execute("START SLAVE SQL_THREAD");
            replica.awaitApplied(primary, Duration.ofSeconds(10));
            Wait.until(Duration.ofSeconds(5), "the writer reads the replica again", () -> readsReplica(events, () -> {
                try {
                    return writerThread.submit(() -> accounts.findOne(Filter.where("name", last))).get().isPresent();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            Wait.until(Duration.ofSeconds(5), "the scope reads the replica again",
                    () -> readsReplica(events, () -> onAnotherThread(() -> scope.call(() -> accounts.findOne(Filter.where("name", scoped)))).isPresent()));
        } finally {
            replica.execute("START SLAVE SQL_THREAD");
            writerThread.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void theLagGaugeFollowsADelayedReplica() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BaseDataSource ds = dataSource("Gauged", SchemaAction.NONE, b -> b.replica(replica.jdbcUrl()));
        try (Engine engine = Engine.builder().dataSources(ds).observer(new DataSourceMeters(registry)).build().start()) {
            Gauge lag = registry.get(DataSourceMeters.REPLICA_LAG).tags("datasource", "Gauged", "pool", "Gauged-replica-1").gauge();
            assertThat(registry.get("hikaricp.connections.max").tag("pool", "Gauged-replica-1").gauge().value()).isPositive();
            Wait.until(Duration.ofSeconds(10), "a caught-up replica reports no lag", () -> lag.value() == 0.0);
            replica.execute("STOP SLAVE SQL_THREAD");
            assertThat(lag.value()).as("replication stopped: unknown").isNaN();
            replica.execute("STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY=3", "START SLAVE");
            new CrudRepository<>(ds, Account.class).create(new Account("delayed-" + System.nanoTime(), null, 1));
            double[] seen = {0};
            Wait.until(Duration.ofSeconds(10), "the delayed replica reports lag", () -> (seen[0] = lag.value()) >= 1.0);
            replica.awaitApplied(primary, Duration.ofSeconds(10));
            Wait.until(Duration.ofSeconds(10), "the lag returns to 0 once applied", () -> lag.value() == 0.0);
            System.out.printf("[mariadb replica] lag gauge: 0 caught up, NaN with the SQL thread stopped, %.0f s with MASTER_DELAY=3%n", seen[0]);
        } finally {
            replica.execute("STOP SLAVE", "CHANGE MASTER TO MASTER_DELAY=0", "START SLAVE");
        }
    }

    @Test
    @Order(4)
    void aReplicaKilledUnderLoadCostsNoRead() {
        StatementEvents events = new StatementEvents();
        BaseDataSource ds = dataSource("Killed", SchemaAction.NONE, b -> b.replica(replica.jdbcUrl()).replicaRetryAfter(Duration.ofMillis(500)));
        try (Engine engine = Engine.builder().dataSources(ds).listener(events).build().start()) {
            ReplicaKill.Outcome kill = ReplicaKill.underLoad(new CrudRepository<>(ds, Account.class), events, replica, "Killed-replica-1", 8, 100, 300);
            System.out.printf("[mariadb replica] SIGKILL of the replica under 8 readers: %d reads, %d failed (%d statements failed on it and"
                    + " ran again on the primary); reads reached it again %d ms after its restart%n",
                    kill.reads(), kill.failed().size(), kill.failedStatements(), kill.backMillis());
            assertThat(kill.failed()).as("no read failed: those in flight on the dead replica ran again on the primary").isEmpty();
            assertThat(kill.readsWhileDown()).isGreaterThanOrEqualTo(300);
        }
        replica.awaitApplied(primary, Duration.ofSeconds(20));
    }

    @Test
    @Order(5)
    void everyServerDownIsATypedErrorWithinTheConnectionTimeout() {
        BaseDataSource ds = dataSource("AllDown", SchemaAction.NONE, b -> b.replica(replica.jdbcUrl()));
        try (Engine engine = Engine.builder().dataSources(ds).build().start()) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(ds, Account.class);
            assertThat(onAnotherThread(() -> accounts.count()).longValue()).isPositive();
            replica.kill();
            primary.kill();
            long start = System.nanoTime();
            assertThatThrownBy(accounts::count).isInstanceOf(DataSourceUnavailableException.class)
                    .satisfies(e -> assertThat(((DataSourceUnavailableException) e).dataSource()).isEqualTo("AllDown"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("[mariadb replica] primary and replica killed: the read failed with DataSourceUnavailableException after %d ms"
                    + " (connectionTimeout %d ms)%n", took.toMillis(), CONNECTION_TIMEOUT.toMillis());
            assertThat(took).isLessThanOrEqualTo(CONNECTION_TIMEOUT.plusSeconds(2));
        }
    }

    // ---- helpers

    private BaseDataSource dataSource(String name, SchemaAction action, Consumer<DataSourceConfig.Builder> replicas) {
        DataSourceConfig.Builder b = DataSourceConfig.named(name).driver("mariadb").url(primary.jdbcUrl()).user("root").password("")
                .maxPoolSize(8).connectionTimeout(CONNECTION_TIMEOUT).schemaAction(action).models(Account.class, Branch.class, Entry.class);
        replicas.accept(b);
        return new BaseDataSource(b) {
        };
    }

    /** Whether {@code read} saw its row and ran on the replica. */
    private static boolean readsReplica(StatementEvents events, Supplier<Boolean> read) {
        events.clear();
        return read.get() && !events.statements(e -> e.role().equals("replica")).isEmpty();
    }
}
