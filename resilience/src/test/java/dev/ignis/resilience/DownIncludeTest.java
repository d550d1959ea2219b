package dev.ignis.resilience;

import com.zaxxer.hikari.HikariDataSource;
import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.error.DataSourceUnavailableException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.resilience.model.Account;
import dev.ignis.resilience.model.Branch;
import dev.ignis.resilience.model.Entry;
import dev.ignis.resilience.support.Fixtures;
import dev.ignis.resilience.support.PrivatePostgres;
import dev.ignis.resilience.support.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Parents on H2, their related accounts on a PostgreSQL instance that is then stopped: every include (to-one,
 * to-many, windowed, in findById/findOne/findWithRange, from a JSON filter, inside a transaction) and every
 * related-field condition that needs the dead datasource fails with {@link DataSourceUnavailableException} naming it,
 * within its connection timeout — never an empty relation. The parents' datasource keeps serving, and once the server
 * is back the same engine includes again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DownIncludeTest {
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SLACK = Duration.ofMillis(2000);

    PrivatePostgres server;
    Engine engine;
    BaseDataSource ledger;
    CrudRepository<Branch, String> branches;
    CrudRepository<Account, String> accounts;
    CrudRepository<Entry, String> entries;
    String someEntryId;
    final List<QueryListener.StatementEvent> statements = new CopyOnWriteArrayList<>();
    final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    @BeforeAll
    void start() {
        server = PrivatePostgres.started();
        BaseDataSource accountsDs = Fixtures.on(server, "Accounts", 4, CONNECTION_TIMEOUT, Account.class);
        ledger = Fixtures.h2("Ledger", Branch.class, Entry.class);
        engine = Engine.builder().dataSources(accountsDs, ledger).allowCrossDataSourceReadsInTransaction(true)
                .listener(new QueryListener() {
                    @Override
                    public void onStatement(StatementEvent event) {
                        statements.add(event);
                    }
                })
                .observer((name, pool, sessionFactory) -> pools.put(name, (HikariDataSource) pool))
                .build().start();
        branches = new CrudRepository<>(ledger, Branch.class);
        accounts = new CrudRepository<>(accountsDs, Account.class);
        entries = new CrudRepository<>(ledger, Entry.class);
        for (int b = 0; b < 3; b++) {
            Branch branch = branches.create(new Branch("b-" + b)).single();
            for (int a = 0; a < 2; a++) {
                Account account = accounts.create(new Account("a-" + b + "-" + a, branch.getId(), 100)).single();
                List<Entry> created = entries.createAll(List.of(new Entry(account.getId(), 10, "t"), new Entry(account.getId(), 20, "t"))).data();
                someEntryId = created.get(0).getId();
            }
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

    /** Each read that needs the Accounts datasource, with a check that its answer really holds related rows. */
    Map<String, Supplier<Boolean>> readsNeedingAccounts() {
        Map<String, Supplier<Boolean>> reads = new LinkedHashMap<>();
        reads.put("to-one include", () -> entries.find(Filter.empty().limit(50).include("account"))
                .stream().allMatch(e -> e.getAccount() != null));
        reads.put("to-many include", () -> branches.find(Filter.empty().include("accounts"))
                .stream().allMatch(b -> b.getAccounts().size() == 2));
        reads.put("to-many include, per-parent limit", () -> branches.find(Filter.empty().include(Include.of("accounts", Filter.empty().limit(1))))
                .stream().allMatch(b -> b.getAccounts().size() == 1));
        reads.put("nested include: account, then its entries back on H2", () -> entries.find(Filter.empty().limit(5)
                        .include(Include.of("account", Filter.empty().include("entries"))))
                .stream().allMatch(e -> e.getAccount() != null && e.getAccount().getEntries().size() == 2));
        reads.put("findById with include", () -> entries.findById(someEntryId, Filter.empty().include("account"))
                .map(e -> e.getAccount() != null).orElse(false));
        reads.put("findOne with include", () -> branches.findOne(Filter.where("name", "b-1").include("accounts"))
                .map(b -> b.getAccounts().size() == 2).orElse(false));
        reads.put("findWithRange with include", () -> entries.findWithRange(Filter.empty().limit(3).include("account"))
                .data().stream().allMatch(e -> e.getAccount() != null));
        reads.put("JSON filter with include", () -> entries.find(Filter.parse("{\"limit\":5,\"include\":[{\"relation\":\"account\"}]}"))
                .stream().allMatch(e -> e.getAccount() != null));
        reads.put("related-field where", () -> entries.find(Filter.where("account.name", "a-1-0")).size() == 2);
        reads.put("include inside a transaction of the parents' datasource", () -> ledger.transaction(tx ->
                entries.find(Filter.empty().limit(5).include("account")).stream().allMatch(e -> e.getAccount() != null)));
        return reads;
    }

    @Test
    void includesIntoADeadDatasourceFailTypedNamingIt() {
        readsNeedingAccounts().forEach((what, read) -> assertThat(read.get()).as("%s while the server is up", what).isTrue());

        server.stop();
        statements.clear();
        List<String> figures = new ArrayList<>();
        readsNeedingAccounts().forEach((what, read) -> {
            long start = System.nanoTime();
            Throwable failure = catchThrowable(read::get);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(failure).as("%s with the target datasource down", what)
                    .isInstanceOfSatisfying(DataSourceUnavailableException.class, e -> {
                        assertThat(e.dataSource()).isEqualTo("Accounts");
                        assertThat(e).hasMessageContaining("Accounts");
                    });
            assertThat(took).as("%s fails within the connection timeout + slack", what).isLessThan(CONNECTION_TIMEOUT.plus(SLACK));
            figures.add(what + " " + took.toMillis() + " ms");
        });
        assertThat(statements).as("the failed statements are reported on the dead datasource")
                .filteredOn(s -> !s.succeeded()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.dataSource()).isEqualTo("Accounts"));
        assertThat(statements).filteredOn(s -> !s.succeeded() && s.operation().equals("include"))
                .extracting(QueryListener.StatementEvent::strategy).containsOnly("cross-datasource");

        // The parents' datasource serves alone, and gives its connections back after each failed include.
        assertThat(entries.find(Filter.empty().limit(50))).hasSize(12);
        Wait.until(Duration.ofSeconds(5), "the Ledger pool has no connection left in use",
                () -> pools.get("Ledger").getHikariPoolMXBean().getActiveConnections() == 0);

        server.start();
        Duration recovered = Wait.until(Duration.ofSeconds(30), "includes work again with the same engine", () -> {
            try {
                return entries.find(Filter.empty().limit(50).include("account")).stream().allMatch(e -> e.getAccount() != null);
            } catch (DataSourceUnavailableException stillDown) {
                return false;
            }
        });
        readsNeedingAccounts().forEach((what, read) -> assertThat(read.get()).as("%s after the restart", what).isTrue());
        System.out.printf("[down-include] %d reads into the stopped datasource failed with DataSourceUnavailableException(Accounts): %s;"
                + " includes worked again %d ms after the restart%n", figures.size(), figures, recovered.toMillis());
    }
}
