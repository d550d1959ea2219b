package dev.ignis.engine.internal.execute;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.include.Author;
import dev.ignis.engine.include.IncludeTest;
import dev.ignis.engine.include.Comment;
import dev.ignis.engine.include.Post;
import dev.ignis.engine.include.PostTag;
import dev.ignis.engine.include.StatementCounter;
import dev.ignis.engine.include.Tag;
import dev.ignis.engine.internal.codegen.GenerationRefusal;
import dev.ignis.engine.internal.compile.QueryParameters;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a select leaves the planned path — the engine's switch, a shape the plan rejects, a value of another type
 * than the shape was planned with, class generation failing — returns the rows the planned path returns.
 */
class SelectFallbackTest {
    private static final String BY_RANK = "select e.id, e.title from Post e where e.rank = :p0";

    @Test
    void withPlannedSelectsOffEveryReadRunsThroughHibernateAndReturnsTheSameRows() {
        try (Fixture planned = new Fixture("planned", b -> b); Fixture plain = new Fixture("plain", b -> b.plannedSelects(false))) {
            List<String> expected = planned.reads();
            assertThat(planned.fallbacks()).as("the planned engine used no fallback").isZero();
            assertThat(plain.reads()).isEqualTo(expected);
            assertThat(plain.statements()).isEqualTo(planned.statements()).isEqualTo(10);
            assertThat(plain.fallbacks()).as("every statement of the plain engine").isEqualTo(plain.statements());
        }
    }

    @Test
    void aShapeThePlanRejectsRunsThroughHibernateEachTime() {
        try (Fixture fixture = new Fixture("rejected", b -> b)) {
            StartedDataSource content = fixture.content();
            List<Object[]> planned = select(content, BY_RANK, 2);
            assertThat(content.queryApiSelects()).isZero();
            // An entity in the select list is not a plain value: Hibernate reads it.
            for (int call = 1; call <= 2; call++) {
                List<Object[]> rows = select(content, "select e.id, e from Post e where e.rank = :p0", 2);
                assertThat(rows).extracting(row -> row[0] + "/" + ((Post) row[1]).title)
                        .containsExactlyElementsOf(planned.stream().map(row -> row[0] + "/" + row[1]).toList());
                assertThat(content.queryApiSelects()).isEqualTo(call);
            }
        }
    }

    @Test
    void aValueOfAnotherTypeThanTheShapeWasPlannedWithRunsThroughHibernate() {
        try (Fixture fixture = new Fixture("mismatch", b -> b)) {
            StartedDataSource content = fixture.content();
            List<String> planned = rows(select(content, BY_RANK, 2));
            assertThat(planned).containsExactly("[p2, Second]");
            assertThat(content.queryApiSelects()).isZero();
            assertThat(rows(select(content, BY_RANK, 2L))).as("a Long where the plan bound an Integer").isEqualTo(planned);
            assertThat(content.queryApiSelects()).isEqualTo(1);
            assertThat(rows(select(content, BY_RANK, 3))).as("the plan still serves its own type").containsExactly("[p3, Orphan]");
            assertThat(content.queryApiSelects()).isEqualTo(1);
        }
    }

    @Test
    void whenClassGenerationFailsRowsAreReadWithoutGeneratedCode() {
        List<String> expected;
        try (Fixture planned = new Fixture("generated", b -> b)) {
            expected = planned.reads();
        }
        try (GenerationRefusal refusal = GenerationRefusal.start(); Fixture fixture = new Fixture("refused", b -> b)) {
            assertThat(fixture.reads()).isEqualTo(expected);
            assertThat(refusal.refused()).as("row fillers and tuple readers were refused").isGreaterThan(1);
            assertThat(fixture.fallbacks()).as("still planned statements").isZero();
        }
    }

    private static List<Object[]> select(StartedDataSource ds, String hql, Object value) {
        QueryParameters params = new QueryParameters();
        params.bind(value);
        return ds.readDetached(session -> ds.select(session, hql, params, StartedDataSource.NO_LIMIT, 0));
    }

    private static List<String> rows(List<Object[]> rows) {
        return rows.stream().map(Arrays::toString).toList();
    }

    /** Posts, comments and tags on one H2 database, authors on another; counts the statements it runs. */
    private static final class Fixture implements AutoCloseable {
        private final BaseDataSource content;
        private final BaseDataSource people;
        private final Engine engine;
        private final StatementCounter counter = new StatementCounter();
        private long seedingFallbacks;

        Fixture(String name, UnaryOperator<Engine.Builder> options) {
            content = new IncludeTest.Content("fallback-content-" + name);
            people = new IncludeTest.People("fallback-people-" + name);
            engine = options.apply(Engine.builder().drivers(new TestH2Driver()).dataSources(content, people).listener(counter))
                    .build().start();
            new CrudRepository<Author, String>(people, Author.class)
                    .createAll(List.of(new Author("a1", "Ada", null), new Author("a2", "Bob", "a1")));
            new CrudRepository<Post, String>(content, Post.class).createAll(List.of(new Post("p1", "First", "a1", 1),
                    new Post("p2", "Second", "a2", 2), new Post("p3", "Orphan", null, 3)));
            new CrudRepository<Comment, String>(content, Comment.class).createAll(List.of(new Comment("c1", "p1", "x", 1),
                    new Comment("c2", "p1", "y", 2), new Comment("c3", "p2", "z", 1)));
            new CrudRepository<Tag, String>(content, Tag.class).createAll(List.of(new Tag("t1", "java"), new Tag("t2", "sql")));
            new CrudRepository<PostTag, String>(content, PostTag.class).createAll(List.of(new PostTag("pt1", "p1", "t1"),
                    new PostTag("pt2", "p1", "t2"), new PostTag("pt3", "p2", "t2")));
            counter.reset();
            seedingFallbacks = fallbacks();
        }

        /** Statements run since seeding. */
        long statements() {
            return counter.statements.size();
        }

        /** Selects of both datasources that ran through Hibernate's query API since seeding. */
        long fallbacks() {
            return content().queryApiSelects() + people().queryApiSelects() - seedingFallbacks;
        }

        StartedDataSource content() {
            return (StartedDataSource) content.runtime();
        }

        StartedDataSource people() {
            return (StartedDataSource) people.runtime();
        }

        /** A page with includes on both datasources, a windowed include, a lookup by id, a related-field condition, a count. */
        List<String> reads() {
            CrudRepository<Post, String> posts = new CrudRepository<>(content, Post.class);
            List<String> out = new ArrayList<>();
            posts.find(Filter.empty().order("rank ASC").include("author", "tags")
                            .include(Include.of("comments", Filter.empty().order("seq DESC").limit(1))))
                    .forEach(p -> out.add(p.getId() + " " + p.title + " " + p.rank + " " + (p.author == null ? null : p.author.name)
                            + " " + p.tags.stream().map(t -> t.label).toList() + " " + p.comments.stream().map(c -> c.body).toList()));
            Post one = posts.findById("p2", Filter.empty().include("author")).orElseThrow();
            out.add(one.getId() + " " + one.author.name);
            posts.find(Filter.where(Where.gt("rank", 1)).fields("id", "title").order("rank DESC"))
                    .forEach(p -> out.add(p.getId() + " " + p.title + " " + p.rank));
            posts.find(Filter.where("author.name", "Bob")).forEach(p -> out.add("by Bob: " + p.getId()));
            out.add("count " + posts.count(Where.gt("rank", 1)));
            return out;
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
