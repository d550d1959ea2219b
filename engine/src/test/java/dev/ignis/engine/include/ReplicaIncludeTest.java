package dev.ignis.engine.include;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Includes and related-field conditions route on their target datasource by the call's rules: authors live on a
 * datasource with a replica whose author row differs from the primary's, so the name read shows which one answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaIncludeTest {
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final ConcurrentLinkedQueue<QueryListener.StatementEvent> events = new ConcurrentLinkedQueue<>();
    Engine engine;
    CrudRepository<Post, String> posts;

    private String url(String db) {
        return "jdbc:h2:mem:replica-include-" + run + "-" + db + ";DB_CLOSE_DELAY=-1";
    }

    private static BaseDataSource dataSource(String name, String url, SchemaAction action, String replicaUrl, Class<?>... models) {
        DataSourceConfig.Builder b = DataSourceConfig.named(name).driver("test-h2").url(url).schemaAction(action).models(models);
        if (replicaUrl != null) {
            b.replica(replicaUrl);
        }
        return new BaseDataSource(b) {
        };
    }

    @BeforeAll
    void start() {
        Class<?>[] content = {Post.class, Comment.class, Tag.class, PostTag.class, PostReviewer.class, AuthorTag.class};
        BaseDataSource contentSetup = dataSource("ContentSetup", url("content"), SchemaAction.CREATE, null, content);
        BaseDataSource peopleSetup = dataSource("PeopleSetup", url("people"), SchemaAction.CREATE, null, Author.class);
        BaseDataSource replicaSetup = dataSource("ReplicaSetup", url("people-replica"), SchemaAction.CREATE, null, Author.class);
        // A model belongs to one datasource per engine: the replica's rows are written by an engine of their own
        // (beside a content datasource, which its relations need).
        try (Engine setup = Engine.builder().drivers(new TestH2Driver()).dataSources(contentSetup, peopleSetup).build().start()) {
            new CrudRepository<>(contentSetup, Post.class).create(new Post("p1", "t", "a1", 1));
            new CrudRepository<>(peopleSetup, Author.class).create(new Author("a1", "on-primary", null));
        }
        BaseDataSource unused = dataSource("ContentBeside", url("content-beside"), SchemaAction.CREATE, null, content);
        try (Engine setup = Engine.builder().drivers(new TestH2Driver()).dataSources(unused, replicaSetup).build().start()) {
            new CrudRepository<>(replicaSetup, Author.class).create(new Author("a1", "on-replica", null));
        }
        BaseDataSource contentDs = dataSource("Content", url("content"), SchemaAction.NONE, null, content);
        BaseDataSource people = dataSource("People", url("people"), SchemaAction.NONE, url("people-replica"), Author.class);
        engine = Engine.builder().drivers(new TestH2Driver()).dataSources(contentDs, people).listener(new QueryListener() {
            @Override
            public void onStatement(StatementEvent event) {
                events.add(event);
            }
        }).build().start();
        posts = new CrudRepository<>(contentDs, Post.class);
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    private static <T> T onAnotherThread(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, r -> new Thread(r, "reader").start()).join();
    }

    private List<QueryListener.StatementEvent> onPeople() {
        return events.stream().filter(e -> e.dataSource().equals("People")).toList();
    }

    @Test
    void anIncludeOnAnotherDataSourceReadsItsReplicaUnlessThePrimaryIsAskedFor() {
        events.clear();
        assertThat(onAnotherThread(() -> posts.find(Filter.empty().include("author")).get(0).author.name)).isEqualTo("on-replica");
        assertThat(onPeople()).hasSize(1).allSatisfy(e -> assertThat(e.role() + " " + e.pool()).isEqualTo("replica People-replica-1"));
        events.clear();
        assertThat(onAnotherThread(() -> posts.find(Filter.empty().include("author"), QueryOptions.primary()).get(0).author.name))
                .isEqualTo("on-primary");
        assertThat(onPeople()).hasSize(1).allSatisfy(e -> assertThat(e.role() + " " + e.pool()).isEqualTo("primary People"));
    }

    @Test
    void aRelatedFieldConditionLooksItsKeysUpByTheSameRules() {
        assertThat(onAnotherThread(() -> posts.find(Filter.where("author.name", "on-replica")))).hasSize(1);
        assertThat(onAnotherThread(() -> posts.find(Filter.where("author.name", "on-replica"), QueryOptions.primary()))).isEmpty();
        assertThat(onAnotherThread(() -> posts.find(Filter.where("author.name", "on-primary"), QueryOptions.primary()))).hasSize(1);
    }
}
