package dev.ignis.engine.internal.execute;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.api.repository.RowLock;
import dev.ignis.engine.Engine;
import dev.ignis.engine.include.Author;
import dev.ignis.engine.include.AuthorTag;
import dev.ignis.engine.include.Comment;
import dev.ignis.engine.include.Post;
import dev.ignis.engine.include.PostReviewer;
import dev.ignis.engine.include.PostTag;
import dev.ignis.engine.include.StatementCounter;
import dev.ignis.engine.include.Tag;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plain {@code findById} is compiled once per scope shape and, outside a transaction, runs its kept plan on a pooled
 * connection without a Hibernate session; everything else a findById can ask for (fields, includes, locks) takes the
 * planner's path. Both return the same rows and report the same statements.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptFindByIdTest {
    private final StatementCounter counter = new StatementCounter();
    private Engine engine;
    private BaseDataSource content;
    private CrudRepository<Post, String> posts;
    private CrudRepository<Author, String> authors;
    private CrudRepository<Memo, String> memos;

    @BeforeAll
    void start() {
        content = new DataSource(DataSourceConfig.named("Content").driver("test-h2").database("kept-find-by-id")
                .schemaAction(SchemaAction.CREATE)
                .models(Post.class, Comment.class, Tag.class, PostTag.class, PostReviewer.class, AuthorTag.class, Author.class, Memo.class));
        engine = Engine.builder().drivers(new TestH2Driver()).dataSources(content).listener(counter).build().start();
        memos = new CrudRepository<>(content, Memo.class);
        posts = new CrudRepository<>(content, Post.class);
        authors = new CrudRepository<>(content, Author.class);
        authors.createAll(List.of(new Author("a1", "Ada", null), new Author("a2", "Bob", "a1")));
        posts.createAll(List.of(new Post("p1", "First", "a1", 1), new Post("p2", "Second", "a2", 2)));
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @BeforeEach
    void reset() {
        counter.reset();
    }

    private StartedDataSource runtime() {
        return (StartedDataSource) content.runtime();
    }

    private long compilations(Class<?> model) {
        return ((ModelOperations<?, ?>) runtime().operations(model)).findByIdCompilations();
    }

    @Test
    void aShapeIsCompiledOnceAndLaterCallsBindTheirOwnIdWithoutASession() {
        posts.findById("p1"); // the shape's first call compiles it and translates its SQL on a session
        long compiled = compilations(Post.class);
        long sessionFree = runtime().sessionFreeSelects();
        assertThat(posts.findById("p2")).map(p -> p.title + "/" + p.authorId + "/" + p.rank).contains("Second/a2/2");
        assertThat(posts.findById("p1")).map(p -> p.title).contains("First");
        assertThat(posts.findById("missing")).isEmpty();
        assertThat(compilations(Post.class)).as("no compilation after the first call").isEqualTo(compiled);
        assertThat(runtime().sessionFreeSelects() - sessionFree).as("each call on a connection of no session").isEqualTo(3);
        assertThat(runtime().queryApiSelects()).isZero();
    }

    @Test
    void itReturnsWhatThePlannersPathReturnsAndHidesWhatTheModelHides() {
        authors.findById("a1"); // the shape's first call: compiled, its SQL translated on a session
        long sessionFree = runtime().sessionFreeSelects();
        Author kept = authors.findById("a2").orElseThrow();
        assertThat(runtime().sessionFreeSelects() - sessionFree).as("read on a connection of no session").isEqualTo(1);
        // Fields listed in full are not a plain findById: the planner reads the row.
        Author planned = authors.findById("a2", Filter.empty().fields("id", "name", "mentorId")).orElseThrow();
        assertThat(kept.getId()).isEqualTo(planned.getId()).isEqualTo("a2");
        assertThat(kept.name).isEqualTo(planned.name).isEqualTo("Bob");
        assertThat(kept.mentorId).isEqualTo(planned.mentorId).isEqualTo("a1");
        assertThat(kept.password).as("hidden").isNull();
        assertThat(planned.password).as("hidden").isNull();
    }

    @Test
    void eachCallIsOneReportedStatementOfItsCall() {
        posts.findById("p1");
        counter.reset();
        posts.findById("p2");
        assertThat(counter.statements).singleElement().satisfies(s -> {
            assertThat(s.dataSource()).isEqualTo("Content");
            assertThat(s.model()).isEqualTo("Post");
            assertThat(s.operation()).isEqualTo("findById");
            assertThat(s.strategy()).isEqualTo("direct");
            assertThat(s.role()).isEqualTo("primary");
            assertThat(s.error()).isNull();
        });
        assertThat(counter.calls).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo("findById");
            assertThat(c.statements()).isEqualTo(1);
        });
    }

    @Test
    void aBadIdFailsBeforeAnyStatement() {
        posts.findById("p1");
        counter.reset();
        assertThatThrownBy(() -> posts.findById(null)).isInstanceOf(FilterException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> posts.findById("p\u0000")).isInstanceOf(FilterException.class).hasMessageContaining("NUL");
        assertThat(counter.statements).isEmpty();
        assertThat(counter.calls).hasSize(2).allSatisfy(c -> assertThat(c.error()).isInstanceOf(FilterException.class));
    }

    @Test
    void insideATransactionItReadsOnTheTransactionsSession() {
        posts.findById("p1");
        long sessionFree = runtime().sessionFreeSelects();
        Optional<Post> seen = content.transaction(tx -> {
            posts.create(new Post("p-tx", "Uncommitted", "a1", 9));
            return posts.findById("p-tx");
        });
        assertThat(seen).map(p -> p.title).contains("Uncommitted");
        assertThat(runtime().sessionFreeSelects()).as("the transaction's own connection, not a pooled one").isEqualTo(sessionFree);
        posts.deleteById("p-tx");
    }

    @Test
    void aLockOrAFilterTakesThePlannersPath() {
        posts.findById("p1");
        long compiled = compilations(Post.class);
        long sessionFree = runtime().sessionFreeSelects();
        Optional<Post> locked = content.transaction(tx -> posts.findById("p1", Filter.empty(), QueryOptions.lock(RowLock.forUpdate())));
        assertThat(locked).map(p -> p.title).contains("First");
        assertThat(posts.findById("p2", Filter.empty().include("author"))).map(p -> p.author.name).contains("Bob");
        assertThat(posts.findById("p1", Filter.where("rank", 2))).isEmpty();
        assertThat(compilations(Post.class)).isEqualTo(compiled);
        assertThat(runtime().sessionFreeSelects()).isEqualTo(sessionFree);
    }

    @Test
    void aModelWithALobColumnKeepsItsStatementButReadsOnASession() {
        memos.create(new Memo("m1", "Long", "x".repeat(10_000)));
        memos.findById("m1");
        long compiled = compilations(Memo.class);
        long sessionFree = runtime().sessionFreeSelects();
        assertThat(memos.findById("m1")).map(m -> m.title + "/" + m.body.length()).contains("Long/10000");
        assertThat(compilations(Memo.class)).as("the kept text").isEqualTo(compiled);
        assertThat(runtime().sessionFreeSelects()).as("a LOB is read through a session").isEqualTo(sessionFree);
        assertThat(runtime().queryApiSelects()).isZero();
    }

    @Test
    void anIdWithANulCharacterFailsWithTheSamePathOnEveryCall() {
        posts.findById("p1");
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> posts.findById("p\u0000")).isInstanceOfSatisfying(FilterException.class,
                    e -> assertThat(e.getMessage()).contains("where.id"));
        }
    }

    @Test
    void withPlannedSelectsOffFindByIdRunsThroughHibernate() {
        BaseDataSource ds = new DataSource(DataSourceConfig.named("Plain").driver("test-h2").database("kept-find-by-id-plain")
                .schemaAction(SchemaAction.CREATE).models(Author.class, Post.class, Comment.class, Tag.class, PostTag.class,
                        PostReviewer.class, AuthorTag.class));
        try (Engine plain = Engine.builder().drivers(new TestH2Driver()).plannedSelects(false).dataSources(ds).build().start()) {
            CrudRepository<Author, String> repo = new CrudRepository<>(ds, Author.class);
            repo.create(new Author("x1", "Xena", null));
            StartedDataSource runtime = (StartedDataSource) ds.runtime();
            long before = runtime.queryApiSelects();
            assertThat(repo.findById("x1")).map(a -> a.name).contains("Xena");
            assertThat(repo.findById("x1")).map(a -> a.name).contains("Xena");
            assertThat(runtime.queryApiSelects() - before).isEqualTo(2);
            assertThat(runtime.sessionFreeSelects()).isZero();
            assertThat(((ModelOperations<?, ?>) runtime.operations(Author.class)).findByIdCompilations()).isEqualTo(-1);
        }
    }

    private static final class DataSource extends BaseDataSource {
        DataSource(DataSourceConfig.Builder config) {
            super(config);
        }
    }
}
