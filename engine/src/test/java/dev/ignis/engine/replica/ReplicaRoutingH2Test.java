package dev.ignis.engine.replica;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.ReplicaPolicy;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.engine.smoke.Item;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Routing decisions, on three H2 databases that stand for a primary and two replicas: each holds a different marker
 * row, so the rows a read returns show which server answered (the statement events say it too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaRoutingH2Test {
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final List<Engine> engines = new ArrayList<>();

    @BeforeAll
    void createServers() {
        for (String server : List.of("primary", "r1", "r2")) {
            BaseDataSource setup = dataSource("Setup" + server, url(server), SchemaAction.CREATE, b -> { });
            Engine engine = Engine.builder().drivers(new TestH2Driver()).dataSource(setup).currentUser(() -> Optional.of("u")).build().start();
            new CrudRepository<>(setup, Item.class).create(new Item("on-" + server, "g", 1));
            engine.close();
        }
    }

    @AfterAll
    void stop() {
        engines.forEach(Engine::close);
    }

    private String url(String server) {
        return "jdbc:h2:mem:replicas-" + run + "-" + server + ";DB_CLOSE_DELAY=-1";
    }

    private BaseDataSource dataSource(String name, String url, SchemaAction action, Consumer<DataSourceConfig.Builder> more) {
        DataSourceConfig.Builder b = DataSourceConfig.named(name).driver("test-h2").url(url).schemaAction(action).models(Item.class);
        more.accept(b);
        return new BaseDataSource(b) {
        };
    }

    private record Routed(BaseDataSource ds, CrudRepository<Item, String> items, Events events) {
        /** The marker row the read saw: which server answered. */
        String server(Supplier<List<Item>> read) {
            return read.get().stream().map(Item::getCode).filter(c -> c.startsWith("on-")).findFirst().orElseThrow().substring(3);
        }
    }

    private Routed start(String name, Consumer<DataSourceConfig.Builder> replicas) {
        BaseDataSource ds = dataSource(name, url("primary"), SchemaAction.NONE, replicas);
        Events events = new Events();
        engines.add(Engine.builder().drivers(new TestH2Driver()).dataSource(ds).listener(events).currentUser(() -> Optional.of("u"))
                .build().start());
        return new Routed(ds, new CrudRepository<>(ds, Item.class), events);
    }

    private static <T> T onAnotherThread(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, r -> new Thread(r, "reader").start()).join();
    }

    @Test
    void readsTakeTheReplicasInTurnAndReportTheirRoleAndPool() {
        Routed r = start("RoundRobin", b -> b.replica(url("r1")).replica(url("r2")));
        List<String> servers = onAnotherThread(() -> List.of(r.server(r.items::find), r.server(r.items::find), r.server(r.items::find),
                r.server(r.items::find)));
        assertThat(servers).containsOnly("r1", "r2").containsSubsequence("r1", "r2", "r1", "r2");
        assertThat(r.events.statements).hasSize(4).allSatisfy(e -> assertThat(e.role()).isEqualTo("replica"))
                .extracting(QueryListener.StatementEvent::pool).containsOnly("RoundRobin-replica-1", "RoundRobin-replica-2");
    }

    @Test
    void leastPendingTakesTheFirstOfIdleReplicas() {
        Routed r = start("LeastPending", b -> b.replica(url("r1")).replica(url("r2")).replicaPolicy(ReplicaPolicy.LEAST_PENDING));
        assertThat(onAnotherThread(() -> List.of(r.server(r.items::find), r.server(r.items::find)))).containsExactly("r1", "r1");
    }

    @Test
    void primaryOptionTransactionsAndWritesUseThePrimary() {
        Routed r = start("Forced", b -> b.replica(url("r1")));
        onAnotherThread(() -> {
            assertThat(r.server(() -> r.items.find(Filter.empty(), QueryOptions.primary()))).isEqualTo("primary");
            assertThat(r.server(() -> r.ds.transaction(tx -> r.items.find()))).isEqualTo("primary");
            assertThat(r.server(r.items::find)).isEqualTo("r1");
            return null;
        });
        r.events.statements.clear();
        onAnotherThread(() -> r.items.updateAll(java.util.Map.of("qty", 2), dev.ignis.api.filter.Where.eq("code", "none")));
        assertThat(r.events.statements).isNotEmpty().allSatisfy(e -> assertThat(e.role() + " " + e.pool()).isEqualTo("primary Forced"));
    }

    @Test
    void withoutReplicationPositionsTheWritingThreadReadsThePrimaryForTheWindow() {
        Routed r = start("Window", b -> b.replica(url("r1")).readYourWritesWindow(Duration.ofMinutes(5)));
        String code = "written-" + UUID.randomUUID();
        List<String> writer = onAnotherThread(() -> {
            r.items.create(new Item(code, "g", 1));
            return List.of(r.server(r.items::find), String.valueOf(r.items.find(Filter.where("code", code)).size()));
        });
        assertThat(writer).as("the writer reads the primary and sees its row").containsExactly("primary", "1");
        assertThat(onAnotherThread(() -> r.server(r.items::find))).as("another thread still reads the replica").isEqualTo("r1");
    }

    @Test
    void aReadYourWritesScopeCarriesAWriteToTheReadsOfOtherThreadsInIt() {
        Routed r = start("Scoped", b -> b.replica(url("r1")).readYourWritesWindow(Duration.ofMinutes(5)));
        dev.ignis.engine.ReadYourWrites scope = engines.get(engines.size() - 1).readYourWrites();
        String code = "scoped-" + UUID.randomUUID();
        assertThat(onAnotherThread(() -> scope.call(() -> r.server(r.items::find)))).as("before any write: a replica").isEqualTo("r1");
        onAnotherThread(() -> scope.call(() -> r.items.create(new Item(code, "g", 1))));
        assertThat(onAnotherThread(() -> scope.call(() -> List.of(r.server(r.items::find), r.items.find(Filter.where("code", code)).size()))))
                .as("a thread that did not write, inside the scope, reads the primary and sees the row").containsExactly("primary", 1);
        assertThat(onAnotherThread(() -> r.server(r.items::find))).as("outside the scope: the replica").isEqualTo("r1");
        assertThat(onAnotherThread(() -> engines.get(engines.size() - 1).readYourWrites().call(() -> r.server(r.items::find))))
                .as("another scope: the replica").isEqualTo("r1");
    }

    @Test
    void aWindowOfZeroSendsTheNextReadToAReplica() {
        Routed r = start("NoWindow", b -> b.replica(url("r1")).readYourWritesWindow(Duration.ZERO));
        assertThat(onAnotherThread(() -> {
            r.items.create(new Item("w-" + UUID.randomUUID(), "g", 1));
            return r.server(r.items::find);
        })).isEqualTo("r1");
    }

    @Test
    void badReplicaSettingsAreRefusedByName() {
        assertThatThrownBy(() -> DataSourceConfig.named("Bad").driver("test-h2").url(url("primary")).replica("postgres://x")
                .replicaConnectionTimeout(Duration.ofMillis(10)).build())
                .isInstanceOf(DataSourceConfigException.class)
                .hasMessageContaining("replica 1 needs a JDBC URL").hasMessageContaining("replicaConnectionTimeout must be at least 250 ms");
        DataSourceConfig config = DataSourceConfig.named("Shown").driver("test-h2").url(url("primary"))
                .replica("jdbc:h2:mem:x", "reader", "s3cret").build();
        assertThat(config.toString()).contains("replicas=").doesNotContain("s3cret");
        assertThat(config.toBuilder().build().replicaSettings()).isEqualTo(config.replicaSettings());
    }

    /** The statements the engine reported. */
    static final class Events implements QueryListener {
        final ConcurrentLinkedQueue<StatementEvent> statements = new ConcurrentLinkedQueue<>();

        @Override
        public void onStatement(StatementEvent event) {
            statements.add(event);
        }
    }
}
