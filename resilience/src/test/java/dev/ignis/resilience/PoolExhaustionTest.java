package dev.ignis.resilience;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.ViewRepository;
import dev.ignis.engine.Engine;
import dev.ignis.resilience.model.Account;
import dev.ignis.resilience.model.Branch;
import dev.ignis.resilience.model.Entry;
import dev.ignis.resilience.model.SlowAccount;
import dev.ignis.resilience.model.SlowEntry;
import dev.ignis.resilience.support.CallLog;
import dev.ignis.resilience.support.CallLog.Call;
import dev.ignis.resilience.support.Fixtures;
import dev.ignis.resilience.support.PrivatePostgres;
import dev.ignis.resilience.support.Wait;
import dev.ignis.resilience.support.Workers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 concurrent callers on pools of 10 connections with a short connection timeout, each holding its connection for
 * a slow (≈50 ms) query: callers wait up to the timeout, then fail with {@link DataSourceUnavailableException}; none
 * hangs, nothing deadlocks — not even callers whose includes cross between two exhausted pools in both directions —
 * and after the burst the pools serve normally.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PoolExhaustionTest {
    static final int CALLERS = 200;
    static final int POOL = 10;
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);
    static final Duration SLACK = Duration.ofMillis(1000);
    static final Duration BURST_DEADLINE = Duration.ofSeconds(30);

    PrivatePostgres server;
    Engine engine;
    BaseDataSource tight;
    BaseDataSource other;
    final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    ViewRepository<SlowAccount, String> slowAccounts;
    ViewRepository<SlowEntry, String> slowEntries;

    @BeforeAll
    void start() {
        server = PrivatePostgres.started();
        tight = Fixtures.on(server, "Tight", POOL, CONNECTION_TIMEOUT, Account.class, Branch.class, Entry.class, SlowAccount.class);
        other = Fixtures.on(server, "Other", POOL, CONNECTION_TIMEOUT, SlowEntry.class);
        engine = Engine.builder().dataSources(tight, other)
                .observer((name, pool, sessionFactory) -> pools.put(name, (HikariDataSource) pool)).build().start();
        server.execute("create view res_slow_account as select a.id, a.name from res_account a cross join pg_sleep(0.05)",
                "create view res_slow_entry as select e.id, e.account_id, e.amount from res_entry e cross join pg_sleep(0.05)");
        CrudRepository<Account, String> accounts = new CrudRepository<>(tight, Account.class);
        CrudRepository<Entry, String> entries = new CrudRepository<>(tight, Entry.class);
        List<Account> created = accounts.createAll(IntStream.range(0, 20).mapToObj(i -> new Account("p-" + i, null, i)).toList()).data();
        entries.createAll(created.stream().map(a -> new Entry(a.getId(), 1, "p")).toList());
        slowAccounts = new ViewRepository<>(tight, SlowAccount.class);
        slowEntries = new ViewRepository<>(other, SlowEntry.class);
        // Warm up (query plans, classes, JIT), so that a burst measures waiting for connections, not first-call costs.
        for (int i = 0; i < 5; i++) {
            slowAccounts.find(Filter.empty().limit(5));
            slowAccounts.find(Filter.empty().limit(5).include("entries"));
            slowEntries.find(Filter.empty().limit(5).include("account"));
        }
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void callersBeyondThePoolWaitTheTimeoutThenFailTyped() {
        CallLog log = burst("exhaust", i -> () -> slowAccounts.find(Filter.empty().limit(5)));

        List<Call> ok = log.where(Call::ok);
        List<Call> failed = log.where(c -> !c.ok());
        assertThat(log.all()).hasSize(CALLERS);
        assertThat(ok).as("at least one pool's worth of callers is served").hasSizeGreaterThanOrEqualTo(POOL);
        assertThat(failed).as("callers beyond what the pool serves within the timeout fail").isNotEmpty();
        assertTypedTimeouts(failed, "Tight");
        assertThat(ok).allSatisfy(c -> assertThat(c.duration()).isLessThan(CONNECTION_TIMEOUT.plus(SLACK)));
        servesNormallyAfterwards(() -> slowAccounts.find(Filter.empty().limit(5)));
        System.out.printf("[pool] %d callers on a pool of %d (connectionTimeout %d ms, each holding ~50 ms): %d served (max %d ms),"
                        + " %d DataSourceUnavailableException(Tight) after p50 %d / min %d / max %d ms; burst done in %d ms%n",
                CALLERS, POOL, CONNECTION_TIMEOUT.toMillis(), ok.size(), CallLog.max(ok).toMillis(), failed.size(),
                CallLog.quantile(failed, 0.5).toMillis(), CallLog.quantile(failed, 0).toMillis(), CallLog.max(failed).toMillis(),
                span(log).toMillis());
    }

    @Test
    @Order(2)
    void includesCrossingBetweenTwoExhaustedPoolsInBothDirectionsDoNotDeadlock() {
        // Half the callers hold a Tight connection and include from Other; the other half hold Other and include from Tight.
        CallLog log = burst("cross", i -> i % 2 == 0
                ? () -> slowAccounts.find(Filter.empty().limit(5).include("entries"))
                : () -> slowEntries.find(Filter.empty().limit(5).include("account")));

        List<Call> ok = log.where(Call::ok);
        List<Call> failed = log.where(c -> !c.ok());
        assertThat(log.all()).hasSize(CALLERS);
        assertThat(ok).as("callers served").isNotEmpty();
        assertThat(failed).allSatisfy(c -> assertThat(c.error()).isInstanceOf(DataSourceUnavailableException.class));
        assertThat(failed).allSatisfy(c -> assertThat(c.duration()).as("a caller waits on at most two pools, one after the other")
                .isLessThan(CONNECTION_TIMEOUT.multipliedBy(2).plus(SLACK)));
        assertThat(ok).filteredOn(c -> c.operation().equals("accounts+entries")).isNotEmpty();
        servesNormallyAfterwards(() -> slowAccounts.find(Filter.empty().limit(5).include("entries")));
        servesNormallyAfterwards(() -> slowEntries.find(Filter.empty().limit(5).include("account")));
        List<SlowAccount> rows = slowAccounts.find(Filter.empty().limit(5).include("entries"));
        assertThat(rows).hasSize(5).allSatisfy(a -> assertThat(a.getEntries()).hasSize(1));
        System.out.printf("[pool] %d callers including across two pools of %d in both directions: %d served, %d failed"
                        + " (Tight %d, Other %d, all DataSourceUnavailableException), slowest %d ms; burst done in %d ms, no deadlock%n",
                CALLERS, POOL, ok.size(), failed.size(), countNaming(failed, "Tight"), countNaming(failed, "Other"),
                CallLog.max(log.all()).toMillis(), span(log).toMillis());
    }

    /** Starts {@value #CALLERS} callers at once and waits, bounded, for all of them; a caller still running is a hang. */
    private CallLog burst(String name, IntFunction<Supplier<?>> call) {
        CallLog log = new CallLog();
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS, r -> {
            Thread t = new Thread(r, "burst-" + name);
            t.setDaemon(true);
            return t;
        });
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int i = 0; i < CALLERS; i++) {
                Supplier<?> work = call.apply(i);
                String operation = i % 2 == 0 ? "accounts+entries" : "entries+account";
                threads.submit(() -> {
                    ready.countDown();
                    if (!go.await(BURST_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("no start signal");
                    }
                    return log.record("pool", Thread.currentThread().getName(), operation, work);
                });
            }
            assertThat(ready.await(BURST_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).as("callers ready").isTrue();
            go.countDown();
            threads.shutdown();
            if (!threads.awaitTermination(BURST_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(CALLERS + " callers not done " + BURST_DEADLINE.toSeconds() + " s after the start (deadlock?):\n"
                        + Workers.threadDump("burst-"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            threads.shutdownNow();
        }
        return log;
    }

    private static void assertTypedTimeouts(List<Call> failed, String dataSource) {
        assertThat(failed).allSatisfy(c -> {
            assertThat(c.error()).isInstanceOfSatisfying(DataSourceUnavailableException.class,
                    e -> assertThat(e.dataSource()).isEqualTo(dataSource));
            assertThat(c.duration()).as("waited for the connection timeout, then gave up")
                    .isGreaterThanOrEqualTo(CONNECTION_TIMEOUT.minusMillis(50))
                    .isLessThan(CONNECTION_TIMEOUT.plus(SLACK));
        });
    }

    /** Every connection goes back to its pool, and then 20 calls in a row succeed promptly. */
    private void servesNormallyAfterwards(Supplier<?> call) {
        Wait.until(Duration.ofSeconds(10), "every connection is back in its pool",
                () -> pools.values().stream().allMatch(p -> p.getHikariPoolMXBean().getActiveConnections() == 0
                        && p.getHikariPoolMXBean().getThreadsAwaitingConnection() == 0),
                () -> pools.entrySet().stream().map(e -> e.getKey() + " active=" + e.getValue().getHikariPoolMXBean().getActiveConnections()
                        + " waiting=" + e.getValue().getHikariPoolMXBean().getThreadsAwaitingConnection()).toList().toString());
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            call.get();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CONNECTION_TIMEOUT);
        }
    }

    private static long countNaming(List<Call> failed, String dataSource) {
        return failed.stream().filter(c -> c.error() instanceof DataSourceUnavailableException e && e.dataSource().equals(dataSource)).count();
    }

    private static Duration span(CallLog log) {
        long first = log.all().stream().mapToLong(Call::startNanos).min().orElse(0);
        long last = log.all().stream().mapToLong(Call::endNanos).max().orElse(0);
        return Duration.ofNanos(last - first);
    }
}
