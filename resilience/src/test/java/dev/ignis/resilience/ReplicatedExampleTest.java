package dev.ignis.resilience;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.examples.Example;
import dev.ignis.examples.datasource.AuditDataSource;
import dev.ignis.examples.datasource.CoreDataSource;
import dev.ignis.examples.datasource.ExampleSettings;
import dev.ignis.examples.model.AuditEvent;
import dev.ignis.examples.model.Configuration;
import dev.ignis.examples.repository.AuditEventRepository;
import dev.ignis.examples.repository.ConfigurationRepository;
import dev.ignis.metrics.MicrometerQueryListener;
import dev.ignis.resilience.support.PrivateMariaDb;
import dev.ignis.resilience.support.PrivatePostgres;
import dev.ignis.resilience.support.Wait;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.ignis.resilience.support.Workers.onAnotherThread;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application, started as its main starts it, with its core datasource on a private PostgreSQL primary
 * and a streaming standby ({@code pg_basebackup -R}) and its audit datasource on a private MariaDB primary and a GTID
 * replica, named by the example's own options ({@code --core-replica}, {@code IGNIS_AUDIT_REPLICAS}). The servers'
 * own counters ({@code pg_stat_database.xact_commit}, {@code pg_stat_user_tables}, {@code Com_select},
 * {@code Com_insert}) say where its statements ran.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplicatedExampleTest {
    static final int ROUNDS = 100;
    static final int READS_AFTER_WRITE = 5;
    static final String QUERY_TIMER = MicrometerQueryListener.STATEMENT_TIMER;

    /** Connections this test opened to each PostgreSQL server: each is a transaction in its {@code xact_commit}. */
    final Map<PrivatePostgres, Integer> ownQueries = new HashMap<>();

    @Test
    void theExampleReadsOnTheReplicasWritesOnThePrimariesAndReadsItsOwnWrites() {
        try (PrivatePostgres corePrimary = PrivatePostgres.started();
             PrivatePostgres coreStandby = corePrimary.standby();
             PrivateMariaDb auditPrimary = PrivateMariaDb.startedPrimary();
             PrivateMariaDb auditReplica = auditPrimary.replica()) {
            // Autovacuum's transactions on the fresh cluster's catalog would blur the primary's xact_commit: off, on this server.
            corePrimary.execute("alter system set autovacuum = off", "select pg_reload_conf()");
            coreStandby.start();
            assertThat(coreStandby.inRecovery()).as("%s is a standby", coreStandby).isTrue();
            // As Main builds them: flags for the core datasource, the environment for the audit replica.
            ExampleSettings settings = ExampleSettings.from(
                    Map.of("--core-url", corePrimary.jdbcUrl(), "--core-replica", coreStandby.jdbcUrl(), "--audit-url", auditPrimary.jdbcUrl()),
                    Map.of("IGNIS_AUDIT_REPLICAS", auditReplica.jdbcUrl()));
            long[] coreCommitsBefore;
            long coreReplicaReads;
            try (Example example = Example.start(settings)) {
                example.seed();
                awaitReplayed(corePrimary, coreStandby);
                auditReplica.awaitApplied(auditPrimary, Duration.ofSeconds(20));
                ownQueries.clear();
                coreCommitsBefore = new long[] {commits(corePrimary), commits(coreStandby)};

                coreReplicaReads = readsRunOnTheReplicas(example, auditPrimary, auditReplica);
                readsAfterWritesSeeThem(example, corePrimary, coreStandby, auditPrimary, auditReplica);
            }
            // A PostgreSQL backend adds its counts to pg_stat_database when it ends: the example's ended with it.
            for (PrivatePostgres server : List.of(corePrimary, coreStandby)) {
                Wait.until(Duration.ofSeconds(10), "the example's connections to " + server + " end",
                        () -> query(server, "select count(*) from pg_stat_activity where application_name = 'ignis'") == 0);
            }
            long[] standbyCommits = {0};
            Wait.until(Duration.ofSeconds(10), "the standby counts the example's reads",
                    () -> (standbyCommits[0] = commits(coreStandby) - coreCommitsBefore[1]) >= coreReplicaReads);
            long primaryCommits = commits(corePrimary) - coreCommitsBefore[0] - ownQueries.get(corePrimary);
            System.out.printf("[replicated example] %d core reads on the standby: its xact_commit +%d; the primary's +%d beyond this"
                    + " test's own (the writes, the reads right after them, background work)%n", coreReplicaReads, standbyCommits[0], primaryCommits);
            // Beyond the reads: the writes and the reads right after them (18 statements), the write positions, the
            // writer's reads until the standby has applied its write, and the connections the pools open meanwhile (a few
            // transactions each): 24-36 in the runs seen, well below half the reads.
            assertThat(primaryCommits).as("the primary could not have served the %d reads", coreReplicaReads).isLessThan(coreReplicaReads / 2);
            // The primary's own table counters: the seed's 2 configurations, the seed's update and the test's.
            assertThat(query(corePrimary, "select n_tup_ins * 1000 + n_tup_upd from pg_stat_user_tables where relname = 'Configuration'"))
                    .as("inserts * 1000 + updates of Configuration on the primary").isEqualTo(2 * 1000 + 2);
            assertThat(query(coreStandby, "select n_tup_ins + n_tup_upd from pg_stat_user_tables where relname = 'Configuration'"))
                    .as("no write ran on the standby").isZero();
        }
    }

    /**
     * The seed's query and the include across datasources, {@value #ROUNDS} times each, once the replicas have applied
     * the seed: every statement runs on a replica. Returns how many ran on the core standby.
     */
    private long readsRunOnTheReplicas(Example example, PrivateMariaDb auditPrimary, PrivateMariaDb auditReplica) {
        ConfigurationRepository configurations = example.component().configurations();
        AuditEventRepository events = example.component().auditEvents();
        Map<String, Long> before = statements(example);
        long[] selectsBefore = {auditPrimary.status("Com_select"), auditReplica.status("Com_select")};
        for (int i = 0; i < ROUNDS; i++) {
            List<Configuration> seedQuery = configurations.find(Filter.where("code", "some_code").include("creator"));
            assertThat(seedQuery).singleElement().satisfies(c -> assertThat(c.getCreator().getName()).isEqualTo("Ada"));
            List<AuditEvent> history = events.find(Filter.empty()
                    .include(Include.of("configuration", Filter.empty().include("creator")), Include.of("actor")));
            assertThat(history).hasSize(3).allSatisfy(e -> {
                assertThat(e.getActor()).isNotNull();
                assertThat(e.getConfiguration().getCreator()).isNotNull();
            });
        }
        Map<String, Long> ran = minus(statements(example), before);
        long onAuditPrimary = auditPrimary.status("Com_select") - selectsBefore[0];
        long onAuditReplica = auditReplica.status("Com_select") - selectsBefore[1];
        long coreReads = ran.getOrDefault(CoreDataSource.NAME + " replica", 0L);
        long auditReads = ran.getOrDefault(AuditDataSource.NAME + " replica", 0L);
        System.out.printf("[replicated example] %d rounds of the seed query and the cross-datasource include: statements %s;"
                + " Com_select +%d on the audit replica, +%d on the audit primary%n", ROUNDS, ran, onAuditReplica, onAuditPrimary);
        assertThat(ran).as("every read ran on a replica").containsOnlyKeys(CoreDataSource.NAME + " replica", AuditDataSource.NAME + " replica");
        assertThat(coreReads).as("the seed query and the includes into the core datasource").isGreaterThanOrEqualTo(2L * ROUNDS);
        assertThat(auditReads).isEqualTo(ROUNDS);
        assertThat(onAuditReplica).as("the audit replica's own Com_select").isGreaterThanOrEqualTo(auditReads);
        assertThat(onAuditPrimary).as("the audit primary's Com_select: this test's counter connections only").isLessThan(5);
        return coreReads;
    }

    /**
     * With both replicas holding back what they receive, a write on each datasource and a read right after it on the same
     * thread: the read sees the write (on the primary), while another thread still reads the replica without it. Once the
     * replicas apply again, the writing thread reads them again.
     */
    private void readsAfterWritesSeeThem(Example example, PrivatePostgres corePrimary, PrivatePostgres coreStandby,
                                         PrivateMariaDb auditPrimary, PrivateMariaDb auditReplica) {
        ConfigurationRepository configurations = example.component().configurations();
        AuditEventRepository events = example.component().auditEvents();
        Filter someCode = Filter.where("code", "some_code");
        Configuration some = configurations.findOne(someCode).orElseThrow();
        query(coreStandby, "select 1 from (select pg_wal_replay_pause()) paused");
        auditReplica.execute("STOP SLAVE SQL_THREAD");
        try {
            long[] insertsBefore = {auditPrimary.status("Com_insert"), auditReplica.status("Com_insert")};
            Map<String, Long> before = statements(example);
            configurations.updateById(some.getId(), Map.of("group", "replicated"));
            events.create(new AuditEvent("replicated", some.getId(), some.getCreatedBy()));

            long selectsBefore = auditPrimary.status("Com_select");
            for (int i = 0; i < READS_AFTER_WRITE; i++) {
                assertThat(configurations.findOne(someCode)).as("the writing thread reads its update")
                        .hasValueSatisfying(c -> assertThat(c.getGroup()).isEqualTo("replicated"));
                assertThat(events.find(Filter.where("action", "replicated").include("configuration")))
                        .as("the writing thread reads its audit event, and its include reads the update").singleElement()
                        .satisfies(e -> assertThat(e.getConfiguration().getGroup()).isEqualTo("replicated"));
            }
            long auditPrimarySelects = auditPrimary.status("Com_select") - selectsBefore;
            Map<String, Long> ran = minus(statements(example), before);

            assertThat(onAnotherThread(() -> configurations.findOne(someCode))).as("another thread reads the standby, which holds the update back")
                    .hasValueSatisfying(c -> assertThat(c.getGroup()).isEqualTo("general"));
            assertThat(onAnotherThread(() -> events.find(Filter.where("action", "replicated")))).as("another thread reads the audit replica").isEmpty();
            System.out.printf("[replicated example] a write on each datasource, then reads on the same thread: statements %s; Com_insert +%d on"
                    + " the audit primary, +%d on the replica; Com_select +%d on the audit primary%n", ran,
                    auditPrimary.status("Com_insert") - insertsBefore[0], auditReplica.status("Com_insert") - insertsBefore[1], auditPrimarySelects);
            assertThat(ran).as("writes and the reads right after them ran on the primaries").containsOnlyKeys(
                    CoreDataSource.NAME + " primary", AuditDataSource.NAME + " primary");
            assertThat(auditPrimary.status("Com_insert") - insertsBefore[0]).as("the audit event was inserted on the audit primary").isEqualTo(1);
            assertThat(auditReplica.status("Com_insert") - insertsBefore[1]).as("nothing was inserted on the audit replica").isZero();
            assertThat(auditPrimarySelects).as("the reads after the write ran on the audit primary").isGreaterThanOrEqualTo(READS_AFTER_WRITE);
        } finally {
            query(coreStandby, "select 1 from (select pg_wal_replay_resume()) resumed");
            auditReplica.execute("START SLAVE SQL_THREAD");
        }
        auditReplica.awaitApplied(auditPrimary, Duration.ofSeconds(20));
        Wait.until(Duration.ofSeconds(10), "the writing thread reads both replicas again, with its writes", () -> {
            Map<String, Long> before = statements(example);
            boolean seen = configurations.findOne(someCode).map(c -> c.getGroup().equals("replicated")).orElse(false)
                    && events.find(Filter.where("action", "replicated")).size() == 1;
            return seen && minus(statements(example), before).keySet()
                    .equals(java.util.Set.of(CoreDataSource.NAME + " replica", AuditDataSource.NAME + " replica"));
        });
    }

    /** Statements the example ran so far by its own {@code ignis.query} meter, by "datasource role". */
    private static Map<String, Long> statements(Example example) {
        Map<String, Long> counts = new HashMap<>();
        for (Timer timer : example.meters().find(QUERY_TIMER).timers()) {
            counts.merge(timer.getId().getTag("datasource") + " " + timer.getId().getTag("role"), timer.count(), Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((key, n) -> {
            long d = n - before.getOrDefault(key, 0L);
            if (d != 0) {
                delta.put(key, d);
            }
        });
        return delta;
    }

    /** Waits until the standby replayed everything the primary has written so far. */
    private void awaitReplayed(PrivatePostgres primary, PrivatePostgres standby) {
        long target = query(primary, "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        Wait.until(Duration.ofSeconds(20), standby + " replays the primary's WAL up to " + target, () ->
                query(standby, "select coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::bigint, 0)") >= target);
    }

    private long commits(PrivatePostgres server) {
        return query(server, "select xact_commit from pg_stat_database where datname = 'postgres'");
    }

    /** A query on a connection of its own, counted. */
    private long query(PrivatePostgres server, String sql) {
        ownQueries.merge(server, 1, Integer::sum);
        return server.queryLong(sql);
    }
}
