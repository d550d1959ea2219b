package dev.ignis.resilience;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.error.ConflictException;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.engine.Engine;
import dev.ignis.resilience.model.Account;
import dev.ignis.resilience.model.Branch;
import dev.ignis.resilience.model.Entry;
import dev.ignis.resilience.support.FaultTarget;
import dev.ignis.resilience.support.Fixtures;
import dev.ignis.resilience.support.PrivateMariaDb;
import dev.ignis.resilience.support.PrivatePostgres;
import dev.ignis.resilience.support.PrivateServer;
import dev.ignis.resilience.support.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Multi-row writes and transactions cut off in the middle — by a constraint violation, by the database session being
 * killed from another connection, or by the server crashing — leave zero partial rows, counted before and after.
 * A probe trigger (see {@link FaultTarget}) counts the rows the database had already written when the write was cut
 * off, so each test also proves the fault hit the middle of the write, not its start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PartialWriteTest {
    static final String DS = "Ledger";
    static final int ROWS = 2000;
    static final int CUT_AT = 1500;
    static final Duration CALL_DEADLINE = Duration.ofSeconds(30);

    record Setup(FaultTarget target, Engine engine, BaseDataSource ds, CrudRepository<Account, String> accounts,
                 CrudRepository<Entry, String> entries, AtomicReference<HikariDataSource> pool) {
        long accountRows() {
            return target.server.queryLong("select count(*) from res_account");
        }

        long entryRows() {
            return target.server.queryLong("select count(*) from res_entry");
        }
    }

    final Map<String, Setup> setups = new LinkedHashMap<>();
    final List<PrivateServer> servers = new ArrayList<>();
    static final AtomicLong FAULTS = new AtomicLong();

    Setup setup(String kind) {
        Setup existing = setups.get(kind);
        if (existing != null) {
            // A fresh table, so that a scan returns rows in insertion order on PostgreSQL too (no reused free space).
            existing.target.server.execute("truncate table res_entry", "truncate table res_account");
            return existing;
        }
        PrivateServer server = kind.equals("postgres") ? PrivatePostgres.create() : PrivateMariaDb.create();
        servers.add(server);
        server.start();
        BaseDataSource ds = Fixtures.on(server, DS, 4, Duration.ofSeconds(2), Account.class, Entry.class, Branch.class);
        AtomicReference<HikariDataSource> pool = new AtomicReference<>();
        Engine engine = Engine.builder().dataSources(ds).maxLimit(5000)
                .observer((name, p, sessionFactory) -> pool.set((HikariDataSource) p)).build().start();
        FaultTarget target = FaultTarget.of(server);
        target.installProbe();
        server.execute("alter table res_account add constraint res_locked_stays_open check (kind <> 'locked' or status <> 'closed')");
        Setup setup = new Setup(target, engine, ds, new CrudRepository<>(ds, Account.class), new CrudRepository<>(ds, Entry.class), pool);
        setups.put(kind, setup);
        return setup;
    }

    @AfterAll
    void stop() {
        setups.values().forEach(s -> s.engine.close());
        servers.forEach(PrivateServer::close);
        System.out.printf("[partial-writes] %d faults injected in all%n", FAULTS.get());
    }

    /** An id after every UUID: the row comes last in a scan by primary key (InnoDB) as in one by insertion (PostgreSQL). */
    static Account sortsLast(Account account) {
        account.setId("zzzzzzzz-" + account.getName());
        return account;
    }

    static List<Account> accounts(String prefix, int n, int oddOneAt, Account oddOne) {
        List<Account> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(i == oddOneAt ? oddOne : new Account(prefix + i, null, i));
        }
        return rows;
    }

    // ---- constraint violations

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void createAllWithADuplicateInTheMiddleWritesNothing(String kind) {
        Setup s = setup(kind);
        long before = s.accountRows();
        long probe = s.target.probe();
        List<Account> rows = accounts("c-", ROWS, CUT_AT, new Account("c-10", null, 0));

        assertThatThrownBy(() -> s.accounts.createAll(rows)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.dataSource()).isEqualTo(DS));
        FAULTS.incrementAndGet();

        long reached = s.target.probe() - probe;
        assertThat(s.accountRows()).as("rows after the failed createAll").isEqualTo(before);
        assertThat(reached).as("rows the database wrote before the duplicate").isGreaterThanOrEqualTo(1000);
        report(kind, "createAll of " + ROWS + ", duplicate at row " + CUT_AT, reached, before, s.accountRows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void updateAllWithACheckViolationInTheMiddleChangesNothing(String kind) {
        Setup s = setup(kind);
        s.accounts.createAll(accounts("u-", 2500, 2499, sortsLast(new Account("u-locked", null, 0).kind("locked"))), WriteOptions.noReturn());
        long probe = s.target.probe();

        // shouldReturn=true: ids first, then one UPDATE per 1000 ids, so earlier chunks are updated when the last fails.
        assertThatThrownBy(() -> s.accounts.updateAll(Map.of("status", "closed"), Where.in("kind", List.of("plain", "locked"))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.dataSource()).isEqualTo(DS));
        FAULTS.incrementAndGet();

        long reached = s.target.probe() - probe;
        assertThat(s.accounts.count(Where.eq("status", "closed"))).as("rows changed by the failed updateAll").isZero();
        assertThat(s.accounts.count(Where.eq("status", "open"))).isEqualTo(2500);
        assertThat(reached).as("rows the database updated before the violation (2 chunks of 1000, then the last)").isGreaterThan(2000);
        report(kind, "updateAll of 2500 (3 statements), check violation at the last row", reached, 2500, 2500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void transactionOfSeveralCallsWithAViolationLeavesNothing(String kind) {
        Setup s = setup(kind);
        long accountsBefore = s.accountRows();
        long entriesBefore = s.entryRows();
        long probe = s.target.probe();

        assertThatThrownBy(() -> s.ds.transaction(tx -> {
            List<Account> created = s.accounts.createAll(accounts("t-", 300, -1, null)).data();
            s.entries.createAll(created.stream().map(a -> new Entry(a.getId(), 5, "t")).toList());
            s.accounts.updateAll(Map.of("status", "busy"), Where.like("name", "t-%"));
            s.accounts.create(new Account("t-7", null, 0));
            return null;
        })).isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.dataSource()).isEqualTo(DS));
        FAULTS.incrementAndGet();

        assertThat(s.accountRows()).isEqualTo(accountsBefore);
        assertThat(s.entryRows()).isEqualTo(entriesBefore);
        assertThat(s.target.probe() - probe).as("account rows inserted and updated before the violation").isGreaterThanOrEqualTo(600);
        report(kind, "transaction: createAll 300 + createAll 300 entries + updateAll 300 + duplicate create",
                s.target.probe() - probe, accountsBefore + entriesBefore, s.accountRows() + s.entryRows());
    }

    // ---- a killed session

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void createAllCutByAKilledSessionWritesNothing(String kind) {
        Setup s = setup(kind);
        long before = s.accountRows();
        long probe = s.target.probe();
        List<Account> rows = accounts("k-", ROWS, CUT_AT, new Account("k-sleeper", null, 0).kind(FaultTarget.INSERT_SLEEPER));

        Cut cut = cutOff(s, () -> s.accounts.createAll(rows), killSession(s));

        assertUnavailable(cut.failure());
        long after = s.accountRows();
        assertThat(after).isEqualTo(before);
        long reached = cut.probeAtFault() - probe;
        assertThat(reached).as("rows written before the kill").isGreaterThan(CUT_AT);
        assertServesAgain(s);
        report(kind, "createAll of " + ROWS + ", session killed at row " + CUT_AT, reached, before, after);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void updateAllCutByAKilledSessionChangesNothing(String kind) {
        Setup s = setup(kind);
        s.accounts.createAll(accounts("w-", 2500, 2499, sortsLast(new Account("w-sleeper", null, 0).kind(FaultTarget.UPDATE_SLEEPER))),
                WriteOptions.noReturn());
        long probe = s.target.probe();

        Cut cut = cutOff(s, () -> s.accounts.updateAll(Map.of("status", "closed"),
                Where.in("kind", List.of("plain", FaultTarget.UPDATE_SLEEPER))), killSession(s));

        assertUnavailable(cut.failure());
        long reached = cut.probeAtFault() - probe;
        assertThat(s.accounts.count(Where.eq("status", "closed"))).isZero();
        assertThat(s.accountRows()).isEqualTo(2500);
        assertThat(reached).as("rows updated before the kill (2 chunks of 1000, then the last)").isGreaterThan(2000);
        assertServesAgain(s);
        report(kind, "updateAll of 2500, session killed at the last row", reached, 2500, 2500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void transactionOfSeveralCallsCutByAKilledSessionLeavesNothing(String kind) {
        Setup s = setup(kind);
        long accountsBefore = s.accountRows();
        long entriesBefore = s.entryRows();

        long probe = s.target.probe();
        Cut cut = cutOff(s, () -> s.ds.transaction(tx -> {
            List<Account> created = s.accounts.createAll(accounts("x-", 300, -1, null)).data();
            s.entries.createAll(created.stream().map(a -> new Entry(a.getId(), 5, "x")).toList());
            s.accounts.updateAll(Map.of("status", "busy"), Where.like("name", "x-%"));
            s.accounts.create(new Account("x-sleeper", null, 0).kind(FaultTarget.INSERT_SLEEPER));
            return null;
        }), killSession(s));

        assertUnavailable(cut.failure());
        assertThat(s.accountRows()).isEqualTo(accountsBefore);
        assertThat(s.entryRows()).isEqualTo(entriesBefore);
        assertThat(cut.probeAtFault() - probe).as("account rows inserted and updated before the kill").isGreaterThanOrEqualTo(601);
        assertServesAgain(s);
        report(kind, "transaction: createAll 300 + createAll 300 entries + updateAll 300 + create, session killed in the 4th call",
                cut.probeAtFault() - probe, accountsBefore + entriesBefore, accountsBefore + entriesBefore);
    }

    // ---- the server crashes mid-batch

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void createAllCutByAServerCrashWritesNothing(String kind) {
        Setup s = setup(kind);
        long before = s.accountRows();
        long probe = s.target.probe();
        List<Account> rows = accounts("z-", ROWS, CUT_AT, new Account("z-sleeper", null, 0).kind(FaultTarget.INSERT_SLEEPER));

        Cut cut = cutOff(s, () -> s.accounts.createAll(rows), id -> s.target.server.kill());
        s.target.server.start();

        assertUnavailable(cut.failure());
        assertThat(s.accountRows()).as("rows after crash recovery").isEqualTo(before);
        long reached = cut.probeAtFault() - probe;
        assertThat(reached).as("rows written before the crash").isGreaterThan(CUT_AT);
        assertServesAgain(s);
        report(kind, "createAll of " + ROWS + ", server SIGKILLed at row " + CUT_AT + " and restarted", reached, before, before);
    }

    /**
     * The same cut as {@link #createAllCutByAKilledSessionWritesNothing} on MariaDB, asserting the type: the caller must
     * learn that the datasource went away, as it does on PostgreSQL and for single statements on MariaDB.
     */
    @Test
    void mariadbBatchCutOffIsReportedAsUnavailable() {
        Setup s = setup("mariadb");
        List<Account> rows = accounts("m-", ROWS, CUT_AT, new Account("m-sleeper", null, 0).kind(FaultTarget.INSERT_SLEEPER));
        Cut cut = cutOff(s, () -> s.accounts.createAll(rows), killSession(s));
        assertUnavailable(cut.failure());
        assertThat(s.accountRows()).isZero();
    }

    // ---- helpers

    private Consumer<Long> killSession(Setup s) {
        return s.target::killSession;
    }

    /**
     * Runs {@code write} on another thread, waits (bounded) until its statement sleeps in the probe trigger, injects
     * the fault, and returns how the write failed (it must fail, within the deadline).
     */
    record Cut(Throwable failure, long probeAtFault) {
    }

    private Cut cutOff(Setup s, Supplier<?> write, Consumer<Long> fault) {
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(write::get, r -> {
            Thread t = new Thread(r, "partial-write");
            t.setDaemon(true);
            t.start();
        });
        long[] session = new long[1];
        Wait.until(Duration.ofSeconds(20), "the write reaches the sleeper row", () -> {
            if (call.isDone()) {
                throw new AssertionError("the write ended before reaching the sleeper row: " + call);
            }
            OptionalLong id = s.target.sleepingSession();
            id.ifPresent(v -> session[0] = v);
            return id.isPresent();
        });
        long probeAtFault = s.target.probe();
        fault.accept(session[0]);
        FAULTS.incrementAndGet();
        try {
            Object result = call.get(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("the write succeeded although it was cut off: " + result);
        } catch (ExecutionException e) {
            return new Cut(e.getCause(), probeAtFault);
        } catch (TimeoutException e) {
            throw new AssertionError("the write still runs " + CALL_DEADLINE.toSeconds() + " s after the fault (a hang)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void assertUnavailable(Throwable failure) {
        assertThat(failure).as("a killed session is reported as the datasource being unavailable")
                .isInstanceOfSatisfying(DataSourceUnavailableException.class, e -> assertThat(e.dataSource()).isEqualTo(DS));
    }

    private static void assertServesAgain(Setup s) {
        Wait.until(Duration.ofSeconds(20), "the datasource serves again", () -> {
            try {
                s.accounts.count();
                return true;
            } catch (DataSourceUnavailableException stillDown) {
                return false;
            }
        });
        s.accounts.createAll(accounts("again-" + System.nanoTime() + "-", 10, -1, null), WriteOptions.noReturn());
    }

    @AfterEach
    void everyConnectionIsBack() {
        for (Setup s : setups.values()) {
            Wait.until(Duration.ofSeconds(5), "a failed write gives its connection back to the pool",
                    () -> s.pool.get().getHikariPoolMXBean().getActiveConnections() == 0,
                    () -> "active connections: " + s.pool.get().getHikariPoolMXBean().getActiveConnections());
        }
    }

    private static void report(String kind, String what, long reached, long before, long after) {
        System.out.printf("[partial-writes] %s: %s -> rows before %d, after %d%s%n", kind, what, before, after,
                reached < 0 ? "" : ", rows the database had written/updated before the fault (rolled back): " + reached);
    }
}
