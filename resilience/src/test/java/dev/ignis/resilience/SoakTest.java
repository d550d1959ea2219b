package dev.ignis.resilience;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.resilience.model.Account;
import dev.ignis.resilience.model.Branch;
import dev.ignis.resilience.model.Entry;
import dev.ignis.resilience.support.Fixtures;
import dev.ignis.resilience.support.SharedDatabases;
import dev.ignis.resilience.support.Workers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Minutes of mixed load on the shared PostgreSQL (accounts) and MariaDB (branches, entries), each in a schema of its
 * own, from many threads: single and batched writes on both, multi-call transactions, reads with cross-datasource
 * includes in both directions and related-field conditions. Reports throughput, p50/p99 latency per operation and
 * errors; checks read-your-writes while running and, at the end, that row counts and sums on both databases match
 * exactly what the threads were told was written.
 * <p>
 * Not in the default run: {@code mvn -B -pl resilience verify -Psoak [-Dignis.soak.seconds=180] [-Dignis.soak.threads=16]}.
 */
@Tag("soak")
class SoakTest {
    static final String SCHEMA = "ignis_soak";
    static final int BRANCHES = 4;

    /** What one thread wrote and was told succeeded, and what it measured. */
    static final class State {
        final int thread;
        final String tag;
        final Random random;
        String accountId;
        long entries;
        long entrySum;
        long balanceWritten;
        long aux;
        long auxSum;
        int auxSeq;
        final List<String> mismatches = new ArrayList<>();
        final Map<String, long[]> latencies = new TreeMap<>();
        final Map<String, Integer> counts = new TreeMap<>();
        final Map<String, Integer> errors = new TreeMap<>();
        Throwable firstError;

        State(int thread, long seed) {
            this.thread = thread;
            this.tag = "soak-" + thread;
            this.random = new Random(seed);
        }

        void record(String op, long nanos) {
            int n = counts.merge(op, 1, Integer::sum);
            long[] values = latencies.computeIfAbsent(op, k -> new long[1024]);
            if (n > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
                latencies.put(op, values);
            }
            values[n - 1] = nanos;
        }
    }

    @Test
    void mixedLoadOnPostgresAndMariadbKeepsEveryInvariant() throws Exception {
        int seconds = Integer.getInteger("ignis.soak.seconds", 180);
        int threads = Integer.getInteger("ignis.soak.threads", 16);
        long seed = Long.getLong("ignis.soak.seed", System.nanoTime());
        String pgUrl = SharedDatabases.postgresUrl(SCHEMA);
        String mariadbUrl = SharedDatabases.mariadbUrl(SCHEMA);
        BaseDataSource core = Fixtures.dataSource("SoakCore", "postgres", pgUrl, SharedDatabases.postgresUser(),
                SharedDatabases.postgresPassword(), 10, Duration.ofSeconds(10), Account.class);
        BaseDataSource ledger = Fixtures.dataSource("SoakLedger", "mariadb", mariadbUrl, SharedDatabases.mariadbUser(),
                SharedDatabases.mariadbPassword(), 10, Duration.ofSeconds(10), Entry.class, Branch.class);
        Map<String, AtomicLong> statements = new ConcurrentHashMap<>();

        try (Engine engine = Engine.builder().dataSources(core, ledger).listener(new QueryListener() {
            @Override
            public void onStatement(StatementEvent event) {
                statements.computeIfAbsent(event.dataSource(), k -> new AtomicLong()).incrementAndGet();
            }
        }).build().start(); Workers workers = new Workers("soak")) {
            CrudRepository<Account, String> accounts = new CrudRepository<>(engine.dataSource("SoakCore"), Account.class);
            CrudRepository<Entry, String> entries = new CrudRepository<>(engine.dataSource("SoakLedger"), Entry.class);
            CrudRepository<Branch, String> branches = new CrudRepository<>(engine.dataSource("SoakLedger"), Branch.class);

            List<String> branchIds = new ArrayList<>();
            for (int b = 0; b < BRANCHES; b++) {
                branchIds.add(branches.create(new Branch("branch-" + b)).single().getId());
            }
            State[] states = new State[threads];
            for (int t = 0; t < threads; t++) {
                states[t] = new State(t, seed + t);
                states[t].accountId = accounts.create(new Account(states[t].tag, branchIds.get(t % BRANCHES), 0)).single().getId();
            }

            CountDownLatch abort = new CountDownLatch(1);
            AtomicLong done = new AtomicLong();
            long startNanos = System.nanoTime();
            for (State s : states) {
                String branchId = branchIds.get(s.thread % BRANCHES);
                workers.start(s.tag, (worker, i) -> {
                    int dice = s.random.nextInt(100);
                    String op = dice < 20 ? "write: entry create + balance update"
                            : dice < 25 ? "write: entry createAll(10) + balance update"
                            : dice < 30 ? "write: core transaction (createAll 3 + updateById)"
                            : dice < 45 ? "read: account findById (read-your-writes)"
                            : dice < 60 ? "read: accounts of a branch + entries(limit 3) + branch"
                            : dice < 75 ? "read: entries by tag + account"
                            : dice < 83 ? "read: branches + accounts"
                            : dice < 93 ? "read: entries count (read-your-writes)"
                            : "read: entries where account.name";
                    long t0 = System.nanoTime();
                    try {
                        run(op, s, accounts, entries, branches, core, branchId);
                        s.record(op, System.nanoTime() - t0);
                        done.incrementAndGet();
                    } catch (RuntimeException e) {
                        s.errors.merge(op + " " + e.getClass().getSimpleName(), 1, Integer::sum);
                        if (s.firstError == null) {
                            s.firstError = e;
                        }
                    }
                    if (!s.mismatches.isEmpty() || s.firstError != null) {
                        abort.countDown();
                    }
                });
            }

            long end = startNanos + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                long left = end - System.nanoTime();
                if (abort.await(Math.min(left, TimeUnit.SECONDS.toNanos(15)), TimeUnit.NANOSECONDS)) {
                    break;
                }
                System.out.printf("[soak] %d s: %d calls so far%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), done.get());
            }
            workers.stop(Duration.ofSeconds(60));
            double elapsed = (System.nanoTime() - startNanos) / 1e9;

            String report = report(states, statements, elapsed, threads, seed);
            System.out.println(report);
            Path file = Path.of("target", "soak-report.txt");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, report);
            } catch (IOException ignored) {
                // the report is on stdout as well
            }

            for (State s : states) {
                assertThat(s.errors).as("errors of %s (first: %s)", s.tag, s.firstError).isEmpty();
                assertThat(s.mismatches).as("read-your-writes mismatches of %s", s.tag).isEmpty();
            }
            long rowsChecked = checkInvariants(states, pgUrl, mariadbUrl);
            System.out.printf("[soak] invariants hold: %d rows counted and summed on both databases%n", rowsChecked);
        }
    }

    private static void run(String op, State s, CrudRepository<Account, String> accounts, CrudRepository<Entry, String> entries,
                            CrudRepository<Branch, String> branches, BaseDataSource core, String branchId) {
        switch (op) {
            case "write: entry create + balance update" -> {
                long amount = 1 + s.random.nextInt(100);
                entries.create(new Entry(s.accountId, amount, s.tag));
                s.entries++;
                s.entrySum += amount;
                accounts.updateById(s.accountId, Map.of("balance", s.entrySum));
                s.balanceWritten = s.entrySum;
            }
            case "write: entry createAll(10) + balance update" -> {
                List<Entry> batch = new ArrayList<>();
                long sum = 0;
                for (int k = 0; k < 10; k++) {
                    long amount = 1 + s.random.nextInt(100);
                    sum += amount;
                    batch.add(new Entry(s.accountId, amount, s.tag));
                }
                entries.createAll(batch);
                s.entries += batch.size();
                s.entrySum += sum;
                accounts.updateById(s.accountId, Map.of("balance", s.entrySum));
                s.balanceWritten = s.entrySum;
            }
            case "write: core transaction (createAll 3 + updateById)" -> {
                List<Account> aux = new ArrayList<>();
                long sum = 0;
                for (int k = 0; k < 3; k++) {
                    long amount = 1 + s.random.nextInt(1000);
                    sum += amount;
                    aux.add(new Account("aux-" + s.thread + "-" + (s.auxSeq++), null, amount));
                }
                core.transaction(tx -> {
                    accounts.createAll(aux);
                    accounts.updateById(s.accountId, Map.of("status", "tx-" + (s.auxSeq % 10)));
                    return null;
                });
                s.aux += aux.size();
                s.auxSum += sum;
            }
            case "read: account findById (read-your-writes)" -> {
                long balance = accounts.findById(s.accountId).orElseThrow().getBalance();
                if (balance != s.balanceWritten) {
                    s.mismatches.add("balance read " + balance + ", last written " + s.balanceWritten);
                }
            }
            case "read: accounts of a branch + entries(limit 3) + branch" -> {
                List<Account> rows = accounts.find(Filter.where("branchId", branchId).limit(50)
                        .include(Include.of("entries", Filter.empty().order("amount DESC").limit(3)), Include.of("branch")));
                for (Account a : rows) {
                    if (a.getBranch() == null || !a.getBranch().getId().equals(branchId) || a.getEntries().size() > 3) {
                        s.mismatches.add("account " + a.getName() + " included branch " + a.getBranch() + ", " + a.getEntries().size() + " entries");
                    }
                }
                if (rows.stream().noneMatch(a -> a.getId().equals(s.accountId))) {
                    s.mismatches.add("own account missing from its branch");
                }
            }
            case "read: entries by tag + account" -> {
                List<Entry> rows = entries.find(Filter.where("tag", s.tag).order("amount DESC").limit(20).include("account"));
                if (rows.size() != Math.min(20, s.entries)) {
                    s.mismatches.add(rows.size() + " entries read, " + s.entries + " written");
                }
                for (Entry e : rows) {
                    if (e.getAccount() == null || !e.getAccount().getId().equals(s.accountId)) {
                        s.mismatches.add("entry " + e.getId() + " included account " + e.getAccount());
                    }
                }
            }
            case "read: branches + accounts" -> {
                List<Branch> rows = branches.find(Filter.empty().include(Include.of("accounts", Filter.where(Where.like("name", "soak-%")))));
                if (rows.size() != BRANCHES || rows.stream().anyMatch(b -> b.getAccounts().isEmpty())) {
                    s.mismatches.add("branches read: " + rows.size());
                }
            }
            case "read: entries count (read-your-writes)" -> {
                long count = entries.count(Where.eq("tag", s.tag));
                if (count != s.entries) {
                    s.mismatches.add("entries counted " + count + ", written " + s.entries);
                }
            }
            default -> {
                List<Entry> rows = entries.find(Filter.where("account.name", s.tag).limit(5));
                if (rows.size() != Math.min(5, s.entries)) {
                    s.mismatches.add(rows.size() + " entries by account.name, " + s.entries + " written");
                }
            }
        }
    }

    /** Counts and sums on both databases, by plain JDBC, against what each thread was told was written. */
    private static long checkInvariants(State[] states, String pgUrl, String mariadbUrl) throws SQLException {
        long rows = 0;
        long entriesWritten = 0;
        long auxWritten = 0;
        try (Connection pg = DriverManager.getConnection(pgUrl, SharedDatabases.postgresUser(), SharedDatabases.postgresPassword());
             Connection maria = DriverManager.getConnection(mariadbUrl, SharedDatabases.mariadbUser(), SharedDatabases.mariadbPassword())) {
            for (State s : states) {
                long[] entries = longs(maria, "select count(*), coalesce(sum(amount), 0) from res_entry where tag = ? and account_id = ?", s.tag, s.accountId);
                assertThat(entries).as("entries of %s: count and sum on MariaDB", s.tag).containsExactly(s.entries, s.entrySum);
                long[] balance = longs(pg, "select balance, 1 from res_account where id = ?", s.accountId);
                assertThat(balance[0]).as("balance of %s on PostgreSQL = sum of its entries on MariaDB", s.tag)
                        .isEqualTo(s.balanceWritten).isEqualTo(s.entrySum);
                long[] aux = longs(pg, "select count(*), coalesce(sum(balance), 0) from res_account where name like ?", "aux-" + s.thread + "-%");
                assertThat(aux).as("accounts written in transactions by %s: count and sum", s.tag).containsExactly(s.aux, s.auxSum);
                rows += entries[0] + 1 + aux[0];
                entriesWritten += s.entries;
                auxWritten += s.aux;
            }
            assertThat(longs(maria, "select count(*), 0 from res_entry")[0]).as("entries on MariaDB").isEqualTo(entriesWritten);
            assertThat(longs(pg, "select count(*), 0 from res_account")[0]).as("accounts on PostgreSQL").isEqualTo(states.length + auxWritten);
            assertThat(longs(maria, "select count(*), 0 from res_branch")[0]).isEqualTo(BRANCHES);
        }
        return rows;
    }

    private static long[] longs(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static String report(State[] states, Map<String, AtomicLong> statements, double elapsed, int threads, long seed) {
        Map<String, long[]> merged = new TreeMap<>();
        Map<String, Integer> errors = new TreeMap<>();
        long calls = 0;
        for (State s : states) {
            s.counts.forEach((op, n) -> {
                long[] mine = Arrays.copyOf(s.latencies.get(op), n);
                merged.merge(op, mine, (a, b) -> {
                    long[] all = Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, all, a.length, b.length);
                    return all;
                });
            });
            calls += s.counts.values().stream().mapToLong(Integer::longValue).sum();
            s.errors.forEach((k, v) -> errors.merge(k, v, Integer::sum));
        }
        StringBuilder out = new StringBuilder();
        long mismatches = Arrays.stream(states).mapToLong(s -> s.mismatches.size()).sum();
        long stmts = statements.values().stream().mapToLong(AtomicLong::get).sum();
        out.append(String.format("[soak] %.0f s, %d threads, seed %d: %d calls ok (%.0f calls/s), %d errors, %d read-your-writes mismatches;"
                        + " %d statements (%.0f/s): %s%n", elapsed, threads, seed, calls, calls / elapsed,
                errors.values().stream().mapToInt(Integer::intValue).sum(), mismatches, stmts, stmts / elapsed, statements));
        long[] all = merged.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        out.append(String.format("[soak]   %-58s %8s %9s %9s %9s%n", "operation", "calls", "p50 ms", "p99 ms", "max ms"));
        merged.forEach((op, values) -> out.append(line(op, values)));
        out.append(line("all calls", all));
        if (!errors.isEmpty()) {
            out.append("[soak]   errors: ").append(errors).append('\n');
        }
        return out.toString();
    }

    private static String line(String op, long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("[soak]   %-58s %8d %9.2f %9.2f %9.2f%n", op, sorted.length, pct(sorted, 0.50), pct(sorted, 0.99),
                sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = Math.max(0, (int) Math.ceil(q * sorted.length) - 1);
        return sorted[Math.min(sorted.length - 1, index)] / 1e6;
    }
}
