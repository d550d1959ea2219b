package dev.ignis.resilience;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.resilience.model.Account;
import dev.ignis.resilience.support.ReplicaKill;
import dev.ignis.resilience.support.StatementEvents;
import dev.ignis.resilience.support.PrivatePostgres;
import dev.ignis.resilience.support.Wait;
import dev.ignis.resilience.support.Workers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static dev.ignis.resilience.support.Workers.onAnotherThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads on real PostgreSQL streaming replication: a private primary and three standbys made with
 * {@code pg_basebackup -R} (the third applies WAL 2 s late), all on free loopback ports. Each server's own counters
 * ({@code pg_stat_database.xact_commit}) say where the statements went.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplicaRoutingTest {
    static final int SEEDED = 50;
    static final Duration APPLY_DELAY = Duration.ofSeconds(2);
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    PrivatePostgres primary;
    PrivatePostgres standby1;
    PrivatePostgres standby2;
    PrivatePostgres lagging;
    final List<PrivatePostgres> servers = new ArrayList<>();

    @BeforeAll
    void startReplication() {
        primary = track(PrivatePostgres.started());
        // The table exists before the copies are taken: the standbys start with it.
        try (Engine engine = Engine.builder().dataSources(dataSource("Setup", SchemaAction.CREATE, b -> { })).build().start()) {
            assertThat(engine.dataSource("Setup").isStarted()).isTrue();
        }
        standby1 = startedStandby();
        standby2 = startedStandby();
        lagging = startedStandby("recovery_min_apply_delay=" + APPLY_DELAY.toMillis() + "ms");
    }

    private PrivatePostgres startedStandby(String... settings) {
        PrivatePostgres standby = track(primary.standby(settings));
        standby.start();
        assertThat(standby.inRecovery()).as("%s is a standby", standby).isTrue();
        return standby;
    }

    @AfterAll
    void stopServers() {
        servers.forEach(PrivatePostgres::close);
    }

    private PrivatePostgres track(PrivatePostgres server) {
        servers.add(server);
        return server;
    }

    @Test
    @Order(1)
    void readsSpreadAcrossStandbysAndWritesStayOnThePrimary() throws Exception {
        StatementEvents events = new StatementEvents();
        BaseDataSource ds = dataSource("Spread", SchemaAction.NONE, b -> b.replica(standby1.jdbcUrl()).replica(standby2.jdbcUrl()));
        int reads = 800;
        long[] before;
        try (Engine engine = Engine.builder().dataSources(ds).listener(events).build().start()) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(ds, Account.class);
            accounts.deleteAll(Where.empty(), dev.ignis.api.repository.WriteOptions.forced());
            accounts.createAll(IntStream.range(0, SEEDED).mapToObj(i -> new Account("spread-" + i, null, i)).toList());
            awaitReplayed(standby1, standby2);
            events.clear();
            before = commits(primary, standby1, standby2);
            try (Workers workers = new Workers("spread")) {
                java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
                for (int w = 0; w < 4; w++) {
                    workers.start("r" + w, (worker, i) -> {
                        if (done.incrementAndGet() <= reads) {
                            assertThat(accounts.find(Filter.where("kind", "plain").limit(10))).hasSize(10);
                        }
                    });
                }
                Wait.until(Duration.ofSeconds(60), reads + " reads", () -> done.get() >= reads);
                workers.stop(Duration.ofSeconds(10));
            }
            assertThat(events.statements(e -> e.operation().equals("find"))).as("every read ran on a replica")
                    .hasSize(reads).allSatisfy(e -> assertThat(e.role()).isEqualTo("replica"));
            events.clear();
            for (int i = 0; i < 20; i++) {
                accounts.updateAll(Map.of("status", "w" + i), Where.eq("name", "spread-" + i), dev.ignis.api.repository.WriteOptions.noReturn());
            }
            assertThat(events.statements(e -> true)).as("every write ran on the primary").hasSize(20)
                    .allSatisfy(e -> assertThat(e.role() + " " + e.pool()).isEqualTo("primary Spread"));
            assertThat(primary.queryLong("select count(*) from res_account where status like 'w%'")).isEqualTo(20);
        }
        // The primary's own background work (autovacuum) commits too: it is read once, the standbys until they settle.
        int readingsBefore = counterReadings;
        long[] after = stableCommits(standby1, standby2);
        int ownReadings = counterReadings - readingsBefore;
        long onPrimary = commits(primary)[0] - before[0];
        long onStandby1 = after[0] - before[1] - ownReadings - activityPolls.getOrDefault(standby1, 0);
        long onStandby2 = after[1] - before[2] - ownReadings - activityPolls.getOrDefault(standby2, 0);
        System.out.printf("[replicas] %d reads: standby 1 committed %d transactions, standby 2 %d, primary %d (20 writes, counter"
                + " queries, autovacuum); %d counter readings and %s activity polls taken off the standbys' counts%n", reads, onStandby1, onStandby2,
                onPrimary, ownReadings, activityPolls.values());
        // Each read is one transaction; besides, each connection a replica pool opened (at most 8) runs a few of its own
        // (validation, session set-up: about 4 each, as measured: 62 beyond 800 reads over 16 connections).
        assertThat(onStandby1 + onStandby2).as("the standbys served the reads").isBetween((long) reads, reads + 2 * 4 * 8 + 16L);
        assertThat(onStandby1).as("standby 1 within 10 %% of half").isBetween((long) (reads / 2 * 0.9), (long) (reads / 2 * 1.1));
        assertThat(onStandby2).as("standby 2 within 10 %% of half").isBetween((long) (reads / 2 * 0.9), (long) (reads / 2 * 1.1));
        assertThat(onPrimary).as("the primary served no read (20 writes, counter queries, autovacuum)").isLessThan(reads / 10L);
    }

    @Test
    @Order(2)
    void aReadAfterAWriteOnTheSameThreadSeesItWhileTheStandbyLags() {
        StatementEvents events = new StatementEvents();
        BaseDataSource ds = dataSource("Lagging", SchemaAction.NONE, b -> b.replica(lagging.jdbcUrl()));
        try (Engine engine = Engine.builder().dataSources(ds).listener(events).build().start()) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(ds, Account.class);
            int rounds = 10;
            int onPrimary = 0;
            for (int i = 0; i < rounds; i++) {
                String name = "ryw-" + i + "-" + System.nanoTime();
                Account written = accounts.create(new Account(name, null, i)).data().get(0);
                events.clear();
                Optional<Account> read = accounts.findById(written.getId());
                assertThat(read).as("round %d: the thread reads its own write", i).isPresent();
                onPrimary += events.statements(e -> e.role().equals("primary")).size();
            }
            assertThat(onPrimary).as("a lagging standby serves no read before it applied the write").isEqualTo(rounds);
            // Another thread wrote nothing: its reads go to the standby, which does not have the rows yet.
            String name = "other-thread-" + System.nanoTime();
            accounts.create(new Account(name, null, 1));
            long beforeApplied = lagging.queryLong("select count(*) from res_account where name = '" + name + "'");
            events.clear();
            Optional<Account> elsewhere = onAnotherThread(() -> accounts.findOne(Filter.where("name", name)));
            assertThat(events.statements(e -> true)).allSatisfy(e -> assertThat(e.role()).isEqualTo("replica"));
            if (beforeApplied == 0) {
                assertThat(elsewhere).as("another thread reads the lagging standby: the guarantee is per thread").isEmpty();
            }
            // Once the standby replayed the write, the writing thread reads it there.
            long start = System.nanoTime();
            Wait.until(APPLY_DELAY.multipliedBy(5), "the lagging standby applies the write", () -> {
                events.clear();
                return accounts.findOne(Filter.where("name", name)).isPresent()
                        && events.statements(e -> e.role().equals("replica")).size() == 1;
            });
            long lagMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("[replicas] read-your-writes: %d of %d reads right after a write went to the primary (the standby applies"
                    + " %d ms late), all saw their write; another thread's read on the standby saw %s; the writer read the standby"
                    + " again %d ms later%n", onPrimary, rounds, APPLY_DELAY.toMillis(), elsewhere.isPresent() ? "it" : "nothing yet", lagMillis);
            assertThat(lagMillis).as("not before the apply delay has passed").isGreaterThanOrEqualTo(APPLY_DELAY.toMillis() / 2);
        }
    }

    @Test
    @Order(3)
    void primaryOptionAndTransactionsReadThePrimary() {
        StatementEvents events = new StatementEvents();
        BaseDataSource ds = dataSource("Forced", SchemaAction.NONE, b -> b.replica(standby1.jdbcUrl()));
        try (Engine engine = Engine.builder().dataSources(ds).listener(events).build().start()) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(ds, Account.class);
            onAnotherThread(() -> {
                accounts.count(Where.empty(), QueryOptions.primary());
                ds.transaction(tx -> accounts.count());
                accounts.count();
                return null;
            });
            assertThat(events.statements(e -> true)).extracting(QueryListener.StatementEvent::role)
                    .containsExactly("primary", "primary", "replica");
            assertThat(events.statements(e -> true).get(2).pool()).isEqualTo("Forced-replica-1");
        }
    }

    @Test
    @Order(4)
    void aReadYourWritesScopeCarriesAWriteToAnotherThreadWhileTheStandbyLags() {
        StatementEvents events = new StatementEvents();
        BaseDataSource ds = dataSource("Scoped", SchemaAction.NONE, b -> b.replica(lagging.jdbcUrl()));
        try (Engine engine = Engine.builder().dataSources(ds).listener(events).build().start()) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(ds, Account.class);
            dev.ignis.engine.ReadYourWrites scope = engine.readYourWrites();
            int rounds = 5;
            for (int i = 0; i < rounds; i++) {
                String name = "scoped-" + i + "-" + System.nanoTime();
                onAnotherThread(() -> scope.call(() -> accounts.create(new Account(name, null, 1))));
                events.clear();
                assertThat(onAnotherThread(() -> scope.call(() -> accounts.findOne(Filter.where("name", name)))))
                        .as("round %d: a thread in the scope sees the write another thread of the scope made", i).isPresent();
                assertThat(events.statements(e -> true)).singleElement().satisfies(e -> assertThat(e.role()).isEqualTo("primary"));
            }
            events.clear();
            onAnotherThread(() -> accounts.count());
            assertThat(events.statements(e -> true)).as("outside the scope: the standby").singleElement()
                    .satisfies(e -> assertThat(e.role()).isEqualTo("replica"));
            System.out.printf("[replicas] read-your-writes scope: %d of %d reads on a second thread of the scope saw the first thread's"
                    + " write (the standby applies %d ms late)%n", rounds, rounds, APPLY_DELAY.toMillis());
        }
    }

    @Test
    @Order(5)
    void theLagGaugeAndPoolMetersFollowTheReplicas() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        BaseDataSource ds = dataSource("Gauged", SchemaAction.NONE, b -> b.replica(standby1.jdbcUrl()).replica(lagging.jdbcUrl()));
        try (Engine engine = Engine.builder().dataSources(ds).observer(new dev.ignis.metrics.DataSourceMeters(registry)).build().start()) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(ds, Account.class);
            onAnotherThread(() -> accounts.count());
            onAnotherThread(() -> accounts.count());
            for (String pool : List.of("Gauged-replica-1", "Gauged-replica-2")) {
                assertThat(registry.get("hikaricp.connections.acquire").tag("pool", pool).timer().count())
                        .as("%s served a read, measured by its own HikariCP meters", pool).isPositive();
            }
            io.micrometer.core.instrument.Gauge lag = registry.get(dev.ignis.metrics.DataSourceMeters.REPLICA_LAG)
                    .tags("datasource", "Gauged", "pool", "Gauged-replica-2").gauge();
            Wait.until(APPLY_DELAY.multipliedBy(5), "the lagging standby catches up", () -> lag.value() == 0.0);
            accounts.create(new Account("gauged-" + System.nanoTime(), null, 1));
            double[] seen = {0};
            Wait.until(APPLY_DELAY.multipliedBy(2), "the lagging standby reports lag", () -> (seen[0] = lag.value()) > 0.0);
            Wait.until(APPLY_DELAY.multipliedBy(5), "the lag returns to 0 once it applied the write", () -> lag.value() == 0.0);
            double other = registry.get(dev.ignis.metrics.DataSourceMeters.REPLICA_LAG).tags("datasource", "Gauged", "pool", "Gauged-replica-1")
                    .gauge().value();
            System.out.printf("[replicas] lag gauge: the standby that applies %d ms late reported %.3f s after a write, then 0; the other"
                    + " standby %.3f s%n", APPLY_DELAY.toMillis(), seen[0], other);
            assertThat(other).as("a standby without delay").isLessThan(APPLY_DELAY.toSeconds());
        }
        assertThat(registry.find(dev.ignis.metrics.DataSourceMeters.REPLICA_LAG).meters()).as("gone with the datasource").isEmpty();
    }

    @Test
    @Order(6)
    void aStandbyKilledUnderLoadCostsNoRead() {
        StatementEvents events = new StatementEvents();
        BaseDataSource ds = dataSource("Killed", SchemaAction.NONE,
                b -> b.replica(standby1.jdbcUrl()).replica(standby2.jdbcUrl()).replicaRetryAfter(Duration.ofMillis(500)));
        try (Engine engine = Engine.builder().dataSources(ds).listener(events).build().start()) {
            ReplicaKill.Outcome kill = ReplicaKill.underLoad(new CrudRepository<>(ds, Account.class), events, standby1, "Killed-replica-1", 16, 200, 500);
            System.out.printf("[replicas] SIGKILL of standby 1 under 16 readers: %d reads, %d failed (%d statements failed on the"
                    + " dead standby and ran again elsewhere); reads reached it again %d ms after its restart%n",
                    kill.reads(), kill.failed().size(), kill.failedStatements(), kill.backMillis());
            assertThat(kill.failed()).as("no read failed: those in flight on the dead standby ran again elsewhere").isEmpty();
            assertThat(kill.readsWhileDown()).isGreaterThanOrEqualTo(500);
        }
    }

    @Test
    @Order(7)
    void aReplicaThatCannotConnectFailsTheStartAndLeavesNothingOpen() {
        BaseDataSource ds = dataSource("NoReplica", SchemaAction.NONE,
                b -> b.replica(standby1.jdbcUrl()).replica("jdbc:postgresql://127.0.0.1:1/postgres"));
        assertThatThrownBy(() -> Engine.builder().dataSources(ds).build().start())
                .isInstanceOf(DataSourceUnavailableException.class).hasMessageContaining("NoReplica-replica-2");
        Wait.until(Duration.ofSeconds(10), "no connection of the failed start stays open", () ->
                primary.queryLong("select count(*) from pg_stat_activity where application_name = 'ignis'") == 0
                        && standby1.queryLong("select count(*) from pg_stat_activity where application_name = 'ignis'") == 0);
    }

    @Test
    @Order(8)
    void everyServerDownIsATypedErrorWithinTheConnectionTimeout() {
        BaseDataSource ds = dataSource("AllDown", SchemaAction.NONE, b -> b.replica(standby1.jdbcUrl()).replica(standby2.jdbcUrl()));
        try (Engine engine = Engine.builder().dataSources(ds).build().start()) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(ds, Account.class);
            assertThat(accounts.count()).isPositive();
            standby1.kill();
            standby2.kill();
            primary.kill();
            long start = System.nanoTime();
            assertThatThrownBy(accounts::count).isInstanceOf(DataSourceUnavailableException.class)
                    .satisfies(e -> assertThat(((DataSourceUnavailableException) e).dataSource()).isEqualTo("AllDown"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            long again = System.nanoTime();
            assertThatThrownBy(accounts::count).isInstanceOf(DataSourceUnavailableException.class);
            Duration second = Duration.ofNanos(System.nanoTime() - again);
            System.out.printf("[replicas] primary and both standbys killed: the first read failed with DataSourceUnavailableException"
                    + " after %d ms, the next after %d ms (connectionTimeout %d ms)%n", took.toMillis(), second.toMillis(), CONNECTION_TIMEOUT.toMillis());
            assertThat(took).isLessThanOrEqualTo(CONNECTION_TIMEOUT.plusSeconds(2));
            assertThat(second).isLessThanOrEqualTo(CONNECTION_TIMEOUT.plusSeconds(2));
        }
    }

    // ---- helpers

    private BaseDataSource dataSource(String name, SchemaAction action, Consumer<DataSourceConfig.Builder> replicas) {
        DataSourceConfig.Builder b = DataSourceConfig.named(name).driver("postgres").url(primary.jdbcUrl()).user("postgres").password("")
                .maxPoolSize(8).connectionTimeout(CONNECTION_TIMEOUT).schemaAction(action).models(Account.class,
                        dev.ignis.resilience.model.Branch.class, dev.ignis.resilience.model.Entry.class);
        replicas.accept(b);
        return new BaseDataSource(b) {
        };
    }

    /** Waits until each standby replayed everything the primary has written so far. */
    private void awaitReplayed(PrivatePostgres... standbys) {
        long target = primary.queryLong("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        for (PrivatePostgres standby : standbys) {
            Wait.until(Duration.ofSeconds(20), standby + " replays the primary's WAL up to " + target, () ->
                    standby.queryLong("select coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint, 0)") >= target,
                    () -> "replayed " + standby.queryLong("select coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint, 0)")
                            + ", received " + standby.queryLong("select coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), '0/0')::bigint, 0)")
                            + ", log: " + standby.log().lines().skip(Math.max(0, standby.log().lines().count() - 8)).toList());
        }
    }

    /** How many times the counters were read: each reading is a transaction of its own on every server read. */
    int counterReadings;
    /** How many times each server was asked whether the engine's connections ended: a transaction each, too. */
    final Map<PrivatePostgres, Integer> activityPolls = new java.util.HashMap<>();

    private long[] commits(PrivatePostgres... servers) {
        counterReadings++;
        long[] out = new long[servers.length];
        for (int i = 0; i < servers.length; i++) {
            out[i] = servers[i].queryLong("select xact_commit from pg_stat_database where datname = 'postgres'");
        }
        return out;
    }

    /**
     * The counters once the engine's connections are gone: a backend reports its counts when it ends (or at most
     * every few seconds while idle), so the servers' counters are read after their last backend ended, until stable.
     */
    private long[] stableCommits(PrivatePostgres... servers) {
        for (PrivatePostgres server : servers) {
            Wait.until(Duration.ofSeconds(10), "the engine's connections to " + server + " end", () -> {
                activityPolls.merge(server, 1, Integer::sum);
                return server.queryLong("select count(*) from pg_stat_activity where application_name = 'ignis'") == 0;
            });
        }
        long[][] last = {commits(servers)};
        long[] stableSince = {System.nanoTime()};
        Wait.until(Duration.ofSeconds(15), "the counters settle", () -> {
            long[] now = commits(servers);
            // Each reading adds its own transaction per server (counted when its connection ends).
            boolean same = true;
            for (int i = 0; i < now.length; i++) {
                same &= now[i] - last[0][i] <= 3;
            }
            last[0] = now;
            if (!same) {
                stableSince[0] = System.nanoTime();
            }
            return same && System.nanoTime() - stableSince[0] > 300_000_000L;
        }, () -> java.util.Arrays.toString(last[0]));
        return last[0];
    }
}
