package dev.ignis.engine.include;

import dev.ignis.api.error.ConflictException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.engine.settings.QueryObservations;
import dev.ignis.engine.smoke.TestH2Driver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls and statements as spans, with micrometer-tracing's in-memory tracer behind the engine's observation registry:
 * {@link IncludeTest}'s models, posts on one datasource and authors on another, so a find with includes runs statements on both and on the include pool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingTest {
    /** Per statement: the thread it started on and the span current there when it started. */
    record Started(String thread, Span current) {
    }

    final SimpleTracer tracer = new SimpleTracer();
    final Map<Observation.Context, Started> started = new ConcurrentHashMap<>();
    Engine engine;
    CrudRepository<Post, String> posts;
    CrudRepository<Comment, String> comments;
    CrudRepository<PostReviewer, String> reviewers;
    CrudRepository<Author, String> authors;

    @BeforeAll
    void start() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                if (context.getName().equals(QueryObservations.STATEMENT)) {
                    started.put(context, new Started(Thread.currentThread().getName(), tracer.currentSpan()));
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        IncludeTest.Content content = new IncludeTest.Content("traced-content");
        IncludeTest.People people = new IncludeTest.People("traced-people");
        engine = Engine.builder().drivers(new TestH2Driver()).dataSources(content, people).observationRegistry(registry).build().start();
        posts = new CrudRepository<>(content, Post.class);
        comments = new CrudRepository<>(content, Comment.class);
        reviewers = new CrudRepository<>(content, PostReviewer.class);
        authors = new CrudRepository<>(people, Author.class);
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @BeforeEach
    void seed() {
        for (CrudRepository<?, String> repo : List.of(posts, comments, reviewers, authors)) {
            repo.deleteAll(Where.empty(), WriteOptions.forced());
        }
        authors.createAll(List.of(new Author("a1", "Ada", null), new Author("a2", "Bob", "a1")));
        posts.createAll(List.of(new Post("p1", "First", "a1", 1), new Post("p2", "Second", "a2", 2)));
        comments.createAll(List.of(new Comment("c1", "p1", "x", 1), new Comment("c2", "p2", "y", 1)));
        reviewers.createAll(List.of(new PostReviewer("r1", "p1", "a2"), new PostReviewer("r2", "p2", "a1")));
        tracer.getSpans().clear();
        started.clear();
    }

    @Test
    void aFindIsOneSpanWithAChildPerStatementOnTheDataSourceThatRanIt() {
        // comments: same datasource; author and reviewers: the other one, one of them on the include pool.
        List<Post> rows = posts.find(Filter.empty().order("rank ASC").include("comments", "author", "reviewers"));
        assertThat(rows).extracting(p -> p.author.name).containsExactly("Ada", "Bob");

        List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
        SimpleSpan call = single(spans, "Post.find");
        assertThat(call.getParentId()).as("the call is the root").isNullOrEmpty();
        assertThat(call.getTags()).containsEntry("datasource", "Content").containsEntry("model", "Post")
                .containsEntry("operation", "find").containsEntry("outcome", "success");

        List<SimpleSpan> statements = spans.stream().filter(s -> s != call).toList();
        assertThat(statements).as("root select, comments, author, reviewers' junction rows and their authors").hasSize(5);
        assertThat(statements).allSatisfy(s -> {
            assertThat(s.getParentId()).as("parent of %s", s.getName()).isEqualTo(call.getSpanId());
            assertThat(s.getTraceId()).isEqualTo(call.getTraceId());
            assertThat(s.getTags()).containsKeys("datasource", "model", "operation", "strategy", "role", "pool", "shape")
                    .containsEntry("outcome", "success").containsEntry("role", "primary");
            assertThat(s.getTags().get("shape")).matches("[0-9a-f]{8}");
        });
        assertThat(statements).extracting(s -> s.getName() + "@" + s.getTags().get("datasource") + "/" + s.getTags().get("strategy"))
                .containsExactlyInAnyOrder("sql Post.find@Content/direct", "sql Comment.include@Content/batch",
                        "sql Author.include@People/cross-datasource", "sql PostReviewer.include@Content/cross-datasource",
                        "sql Author.include@People/cross-datasource");

        // The statements that ran on the include pool started with the call's span current on that thread.
        List<Started> onPool = started.values().stream().filter(s -> s.thread().startsWith("ignis-include")).toList();
        assertThat(onPool).as("statements run on the include pool").isNotEmpty();
        assertThat(onPool).allSatisfy(s -> assertThat(s.current()).isNotNull()
                .satisfies(current -> assertThat(current.context().spanId()).isEqualTo(call.getSpanId())));
        assertThat(spans).allSatisfy(TracingTest::assertEnded);
        assertThat(tracer.currentSpan()).as("nothing left in scope").isNull();
    }

    @Test
    void aFailingStatementMarksItsSpanAndTheCallWithTheError() {
        assertThatThrownBy(() -> posts.create(new Post("p1", "Again", "a1", 9))).isInstanceOf(ConflictException.class);

        List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
        SimpleSpan call = single(spans, "Post.create");
        assertThat(call.getTags()).containsEntry("outcome", "ConflictException");
        assertThat(call.getError()).isInstanceOf(ConflictException.class);
        SimpleSpan failed = spans.stream().filter(s -> s != call && "ConflictException".equals(s.getTags().get("outcome")))
                .findFirst().orElseThrow(() -> new AssertionError("no failed statement span in " + spans));
        assertThat(failed.getParentId()).isEqualTo(call.getSpanId());
        assertThat(failed.getTags()).containsEntry("datasource", "Content").containsEntry("operation", "create");
        assertThat(failed.getError()).isInstanceOf(ConflictException.class);
        assertThat(spans).allSatisfy(TracingTest::assertEnded);
    }

    @Test
    void aStreamClosedEarlyEndsItsSpans() {
        try (Stream<Post> stream = posts.stream(Filter.empty().order("rank ASC").include("author"))) {
            assertThat(stream.findFirst()).get().extracting(p -> p.author.name).isEqualTo("Ada");
            // A span is named and tagged when it ends: the open call is the root span.
            List<SimpleSpan> roots = tracer.getSpans().stream().filter(s -> s.getParentId() == null || s.getParentId().isEmpty()).toList();
            assertThat(roots).singleElement().satisfies(call -> assertThat(call.getEndTimestamp())
                    .as("the stream's call lasts while it is open").isEqualTo(java.time.Instant.EPOCH));
        }
        List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
        SimpleSpan call = single(spans, "Post.stream");
        assertThat(spans).filteredOn(s -> s != call).extracting(SimpleSpan::getName)
                .containsExactly("sql Post.stream", "sql Author.include");
        assertThat(spans).filteredOn(s -> s != call).allSatisfy(s -> assertThat(s.getParentId()).isEqualTo(call.getSpanId()));
        assertThat(spans).allSatisfy(TracingTest::assertEnded);
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void aStreamReadToTheEndEndsItsSpanWithoutClose() {
        @SuppressWarnings("resource")
        List<Post> all = posts.stream(Filter.empty().order("rank ASC")).toList();
        assertThat(all).hasSize(2);
        assertThat(tracer.getSpans()).hasSize(2).allSatisfy(TracingTest::assertEnded);
    }

    @Test
    void aStreamThatCanMatchNothingEndsWithItsCallAndItsOutcome() {
        // A condition on the other datasource that matches no author: the stream never opens a cursor.
        try (Stream<Post> stream = posts.stream(Filter.where("author.name", "Nobody"))) {
            assertThat(stream).isEmpty();
        }
        SimpleSpan call = single(List.copyOf(tracer.getSpans()), "Post.stream");
        assertEnded(call);
        assertThat(call.getTags()).containsEntry("outcome", "success");
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void aStreamWhoseReadingFailsEndsItsCallWithTheError() {
        SimpleTracer failing = new SimpleTracer();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(failing));
        IncludeTest.Content content = new IncludeTest.Content("traced-failing-content");
        IncludeTest.People people = new IncludeTest.People("traced-failing-people");
        // The include lookup, which runs when the stream is read (after it was returned), fails.
        QueryListener failIncludes = new QueryListener() {
            @Override
            public void onStatement(StatementEvent event) {
                if (event.operation().equals("include")) {
                    throw new IllegalStateException("include failed");
                }
            }
        };
        try (Engine other = Engine.builder().drivers(new TestH2Driver()).dataSources(content, people).observationRegistry(registry)
                .listener(failIncludes).build().start()) {
            new CrudRepository<Author, String>(people, Author.class).create(new Author("a1", "Ada", null));
            CrudRepository<Post, String> failingPosts = new CrudRepository<>(content, Post.class);
            failingPosts.create(new Post("p1", "First", "a1", 1));
            failing.getSpans().clear();
            try (Stream<Post> stream = failingPosts.stream(Filter.empty().include("author"))) {
                assertThatThrownBy(stream::toList).hasMessageContaining("include failed");
            }
            SimpleSpan call = single(List.copyOf(failing.getSpans()), "Post.stream");
            assertEnded(call);
            assertThat(call.getTags().get("outcome")).as("not the success the call returned with").isNotEqualTo("success");
            assertThat(call.getError()).isNotNull().hasMessageContaining("include failed");
        }
    }

    private static SimpleSpan single(List<SimpleSpan> spans, String name) {
        List<SimpleSpan> named = spans.stream().filter(s -> Objects.equals(s.getName(), name)).toList();
        assertThat(named).as("spans named %s among %s", name, spans).hasSize(1);
        return named.get(0);
    }

    private static void assertEnded(SimpleSpan span) {
        assertThat(span.getEndTimestamp()).as("end of %s", span.getName()).isAfterOrEqualTo(span.getStartTimestamp())
                .isNotEqualTo(java.time.Instant.EPOCH);
    }
}
