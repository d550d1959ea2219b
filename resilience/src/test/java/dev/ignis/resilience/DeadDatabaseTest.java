package dev.ignis.resilience;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.resilience.model.Account;
import dev.ignis.resilience.model.Entry;
import dev.ignis.resilience.support.CallLog;
import dev.ignis.resilience.support.CallLog.Call;
import dev.ignis.resilience.support.Fixtures;
import dev.ignis.resilience.support.PrivateMariaDb;
import dev.ignis.resilience.support.PrivatePostgres;
import dev.ignis.resilience.support.PrivateServer;
import dev.ignis.resilience.support.Wait;
import dev.ignis.resilience.support.Workers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A datasource's server dies under concurrent callers, on a server instance of the test's own. Callers fail fast with
 * {@link DataSourceUnavailableException} naming the datasource, within the pool's connection timeout (plus slack);
 * none hangs; the other datasource keeps serving; once the server is back the same engine serves again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeadDatabaseTest {
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SLACK = Duration.ofMillis(2000);
    static final int VOLATILE_WORKERS = 8;
    static final int STEADY_WORKERS = 2;
    static final int SEEDED = 20;

    final List<PrivateServer> servers = new ArrayList<>();

    @AfterAll
    void stopServers() {
        servers.forEach(PrivateServer::close);
    }

    @Test
    void postgresStoppedImmediately() {
        survive(PrivatePostgres.create(), "pg_ctl stop -m immediate", PrivateServer::stop);
    }

    @Test
    void postgresKilled() {
        survive(PrivatePostgres.create(), "SIGKILL of the postmaster and every backend", PrivateServer::kill);
    }

    @Test
    void mariadbKilled() {
        survive(PrivateMariaDb.create(), "SIGKILL of mariadbd", PrivateServer::kill);
    }

    @Test
    void mariadbShutDown() {
        survive(PrivateMariaDb.create(), "SIGTERM (shutdown) of mariadbd", PrivateServer::stop);
    }

    private void survive(PrivateServer server, String fault, Consumer<PrivateServer> inject) {
        servers.add(server);
        server.start();
        BaseDataSource volatileDs = Fixtures.on(server, "Volatile", VOLATILE_WORKERS, CONNECTION_TIMEOUT, Account.class);
        BaseDataSource steadyDs = Fixtures.h2("Steady", Entry.class, dev.ignis.resilience.model.Branch.class);
        CallLog log = new CallLog();
        try (Engine engine = Engine.builder().dataSources(volatileDs, steadyDs).build().start();
             Workers workers = new Workers("dead-db")) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(volatileDs, Account.class);
            CrudRepository<Entry, String> entries = new CrudRepository<>(steadyDs, Entry.class);
            accounts.createAll(IntStream.range(0, SEEDED).mapToObj(i -> new Account("seed-" + i, null, i)).toList());

            for (int w = 0; w < VOLATILE_WORKERS; w++) {
                workers.start("v" + w, (worker, i) -> {
                    switch (i % 4) {
                        case 0 -> log.record("Volatile", worker, "find", () -> accounts.find(Filter.where("kind", "plain").limit(20)));
                        case 1 -> log.record("Volatile", worker, "create", () -> accounts.create(new Account(worker + "-" + i, null, i)));
                        case 2 -> log.record("Volatile", worker, "count", accounts::count);
                        default -> log.record("Volatile", worker, "transaction", () -> volatileDs.transaction(tx -> {
                            accounts.updateAll(Map.of("status", "touched"), Where.eq("name", "seed-" + (i % SEEDED)));
                            return accounts.count(Where.eq("status", "touched"));
                        }));
                    }
                });
            }
            for (int w = 0; w < STEADY_WORKERS; w++) {
                workers.start("s" + w, (worker, i) -> {
                    if (i % 2 == 0) {
                        log.record("Steady", worker, "create", () -> entries.create(new Entry("a", i, worker)));
                    } else {
                        log.record("Steady", worker, "find", () -> entries.find(Filter.where("tag", worker).limit(10)));
                    }
                });
            }
            Predicate<Call> onVolatile = c -> c.dataSource().equals("Volatile");
            List<String> volatileWorkers = IntStream.range(0, VOLATILE_WORKERS).mapToObj(w -> "v" + w).toList();

            Wait.until(Duration.ofSeconds(20), "every Volatile worker succeeds 5 times before the fault",
                    () -> volatileWorkers.stream().allMatch(w -> log.count(c -> c.worker().equals(w) && c.ok()) >= 5), () -> summary(log));

            long faultAt = System.nanoTime();
            inject.accept(server);
            long downAt = System.nanoTime();
            Duration firstFailure = Wait.until(Duration.ofSeconds(30), "a Volatile call fails after the fault",
                    () -> log.count(c -> onVolatile.test(c) && !c.ok() && c.endNanos() >= faultAt) > 0, () -> summary(log));
            Wait.until(Duration.ofSeconds(30), "every Volatile worker fails 3 times while the server is down",
                    () -> volatileWorkers.stream().allMatch(w -> log.count(c -> c.worker().equals(w) && !c.ok() && c.startedAfter(downAt)) >= 3),
                    () -> summary(log));
            Wait.until(Duration.ofSeconds(10), "the Steady datasource serves 20 calls while Volatile is down",
                    () -> log.count(c -> c.dataSource().equals("Steady") && c.ok() && c.startedAfter(downAt)) >= 20, () -> summary(log));

            long restartAt = System.nanoTime();
            server.start();
            long upAt = System.nanoTime();
            Duration recovery = Wait.until(Duration.ofSeconds(30), "every Volatile worker succeeds again after the restart",
                    () -> volatileWorkers.stream().allMatch(w -> log.count(c -> c.worker().equals(w) && c.ok() && c.startedAfter(upAt)) >= 1),
                    () -> summary(log));
            long outageEnd = System.nanoTime();
            workers.stop(CONNECTION_TIMEOUT.plus(SLACK).multipliedBy(3));

            List<Call> volatileCalls = log.where(onVolatile);
            List<Call> failures = log.where(onVolatile.and(c -> !c.ok()));
            List<Call> failuresWhileDown = log.where(onVolatile.and(c -> !c.ok() && c.startedAfter(downAt) && c.endNanos() <= restartAt));
            List<Call> steadyCalls = log.where(c -> c.dataSource().equals("Steady"));
            List<Call> steadyDuringOutage = log.where(c -> c.dataSource().equals("Steady") && c.startedAfter(faultAt) && c.endNanos() <= outageEnd);

            assertThat(failures).as("every failure on the dead datasource is typed and names it").allSatisfy(c -> {
                assertThat(c.error()).isInstanceOf(DataSourceUnavailableException.class).hasMessageContaining("Volatile");
                assertThat(((DataSourceUnavailableException) c.error()).dataSource()).isEqualTo("Volatile");
            });
            assertThat(failuresWhileDown).as("failures while the server was down").hasSizeGreaterThanOrEqualTo(3 * VOLATILE_WORKERS);
            assertThat(volatileCalls).as("no call waits longer than the connection timeout + %s ms", SLACK.toMillis())
                    .allSatisfy(c -> assertThat(c.duration()).isLessThanOrEqualTo(CONNECTION_TIMEOUT.plus(SLACK)));
            assertThat(steadyCalls).as("the other datasource never fails").allSatisfy(c -> assertThat(c.error()).isNull());
            assertThat(steadyDuringOutage).as("the other datasource kept serving during the outage").hasSizeGreaterThanOrEqualTo(20);

            // The same engine serves again, and no row is lost or invented: every acknowledged create is there.
            long acknowledged = log.count(onVolatile.and(c -> c.operation().equals("create") && c.ok()));
            long ambiguous = log.count(onVolatile.and(c -> c.operation().equals("create") && !c.ok()
                    && (c.startNanos() < downAt || c.startNanos() >= restartAt)));
            assertThat(engine.dataSource("Volatile")).as("the engine that served before the outage serves after it").isSameAs(volatileDs);
            assertThat(volatileDs.isStarted()).isTrue();
            long rows = accounts.count();
            assertThat(rows).as("rows = seeded + acknowledged creates (+ creates cut off while committing)")
                    .isBetween(SEEDED + acknowledged, SEEDED + acknowledged + ambiguous);
            assertThat(server.queryLong("select count(*) from res_account")).isEqualTo(rows);

            System.out.printf("[dead-db] %s, fault '%s': %d Volatile calls, %d failed (%d while down), all DataSourceUnavailableException(Volatile);"
                            + " first failure %d ms after the fault; failure time p50 %d ms, max %d ms (connectionTimeout %d ms);"
                            + " slowest Volatile call %d ms; Steady served %d calls during the outage, 0 failed;"
                            + " restart took %d ms, serving again %d ms after it; rows %d = %d seeded + %d acknowledged (+%d ambiguous allowed)%n",
                    server.getClass().getSimpleName(), fault, volatileCalls.size(), failures.size(), failuresWhileDown.size(),
                    firstFailure.toMillis(), CallLog.quantile(failuresWhileDown, 0.5).toMillis(), CallLog.max(failuresWhileDown).toMillis(),
                    CONNECTION_TIMEOUT.toMillis(), CallLog.max(volatileCalls).toMillis(), steadyDuringOutage.size(),
                    Duration.ofNanos(upAt - restartAt).toMillis(), recovery.toMillis(), rows, SEEDED, acknowledged, ambiguous);
        } finally {
            server.close();
        }
    }

    private static String summary(CallLog log) {
        List<Call> all = log.all();
        Map<String, Long> byOutcome = new java.util.TreeMap<>();
        for (Call c : all) {
            byOutcome.merge(c.dataSource() + " " + c.operation() + " " + (c.ok() ? "ok" : c.error().getClass().getSimpleName()), 1L, Long::sum);
        }
        String lastError = all.stream().filter(c -> !c.ok()).reduce((a, b) -> b).map(c -> String.valueOf(c.error())).orElse("none");
        return byOutcome + ", last error: " + lastError;
    }
}
