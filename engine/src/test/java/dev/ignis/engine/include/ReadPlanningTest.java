package dev.ignis.engine.include;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read is planned completely before its first statement: every mistake a filter can hold is refused with no
 * statement run, and the plan keeps to the statement minimum (posts, comments, tags on one datasource, authors on
 * another).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadPlanningTest {
    final StatementCounter counter = new StatementCounter();
    Engine engine;
    CrudRepository<Post, String> posts;
    CrudRepository<Author, String> authors;
    CrudRepository<Comment, String> comments;

    @BeforeAll
    void start() {
        BaseDataSource content = new BaseDataSource(DataSourceConfig.named("Content").driver("test-h2").database("plan-content")
                .schemaAction(SchemaAction.CREATE).models(Post.class, Comment.class, Tag.class, PostTag.class, PostReviewer.class, AuthorTag.class)) {
        };
        BaseDataSource people = new BaseDataSource(DataSourceConfig.named("People").driver("test-h2").database("plan-people")
                .schemaAction(SchemaAction.CREATE).models(Author.class)) {
        };
        engine = Engine.builder().drivers(new TestH2Driver()).dataSources(content, people).listener(counter).build().start();
        posts = new CrudRepository<>(content, Post.class);
        comments = new CrudRepository<>(content, Comment.class);
        authors = new CrudRepository<>(people, Author.class);
        CrudRepository<Tag, String> tags = new CrudRepository<>(content, Tag.class);
        CrudRepository<AuthorTag, String> authorTags = new CrudRepository<>(content, AuthorTag.class);
        authors.createAll(List.of(new Author("a1", "Ada", null), new Author("a2", "Bob", "a1"), new Author("a3", "Cy", "a2"),
                new Author("a4", "Di", "a3"), new Author("a5", "Ed", "a4"), new Author("a6", "Flo", "a5")));
        posts.createAll(List.of(new Post("p1", "First", "a1", 1), new Post("p2", "Second", "a2", 2)));
        comments.createAll(List.of(new Comment("c1", "p1", "x", 1), new Comment("c2", "p2", "y", 1)));
        tags.createAll(List.of(new Tag("t1", "java"), new Tag("t2", "sql")));
        authorTags.createAll(List.of(new AuthorTag("at1", "a1", "t1"), new AuthorTag("at2", "a1", "t2"), new AuthorTag("at3", "a2", "t2")));
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @BeforeEach
    void reset() {
        counter.reset();
    }

    private void refused(Runnable read, String path, String... words) {
        assertThatThrownBy(read::run).isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo(path))
                .hasMessageContainingAll(words);
        assertThat(counter.statements).as("no statement for a bad filter").isEmpty();
    }

    // ---- every mistake is found while planning

    @Test
    void unknownRelationNamesTheValidOnes() {
        refused(() -> posts.find(Filter.parse("{\"include\":[{\"relation\":\"comments\",\"scope\":{\"include\":[\"writer\"]}}]}")),
                "include[0].scope.include[0].relation", "writer", "post");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[\"author\",{\"relation\":\"author\"}]|include[1].relation",
            "[{\"relation\":\"comments\",\"scope\":{\"limit\":1}},{\"relation\":\"comments\",\"scope\":{\"order\":\"seq DESC\"}}]|include[1].relation",
            "[{\"relation\":\"comments\",\"scope\":{\"include\":[\"post\",\"post\"]}}]|include[0].scope.include[1].relation"})
    void theSameRelationTwiceAtOneLevelInAnyForm(String includes, String path) {
        refused(() -> posts.find(Filter.parse("{\"include\":" + includes + "}")), path, "twice");
    }

    @Test
    void unknownScopeKeys() {
        refused(() -> posts.find(Filter.parse("{\"include\":[{\"relation\":\"comments\",\"scope\":{\"wher\":{}}}]}")),
                "include[0].scope.wher", "wher");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"where\":{\"bodyy\":\"x\"}}|include[0].scope.where.bodyy|bodyy",
            "{\"where\":{\"title\":\"First\"}}|include[0].scope.where.title|title",
            "{\"order\":\"sek DESC\"}|include[0].scope.order[0]|sek",
            "{\"order\":[\"seq ASC\",\"nope ASC\"]}|include[0].scope.order[1]|nope",
            "{\"fields\":[\"body\",\"nope\"]}|include[0].scope.fields.nope|nope",
            "{\"where\":{\"seq\":\"not a number\"}}|include[0].scope.where.seq|seq"})
    void unknownFieldsAndBadValuesInAScope(String scope, String path, String word) {
        refused(() -> posts.find(Filter.parse("{\"include\":[{\"relation\":\"comments\",\"scope\":" + scope + "}]}")), path, word);
    }

    @Test
    void builtScopesNameTheirIncludeToo() {
        refused(() -> posts.find(Filter.empty().include(Include.of("comments", Filter.empty().order("sek DESC")))),
                "include[0].scope.order[0]", "sek");
    }

    @Test
    void aJunctionsFieldsAreNotTheTargetsInAManyThroughScope() {
        refused(() -> posts.find(Filter.parse("{\"include\":[{\"relation\":\"tags\",\"scope\":{\"where\":{\"postId\":\"p1\"}}}]}")),
                "include[0].scope.where.postId", "postId");
        refused(() -> authors.find(Filter.parse("{\"include\":[{\"relation\":\"tags\",\"scope\":{\"order\":\"authorId ASC\"}}]}")),
                "include[0].scope.order[0]", "authorId");
    }

    @Test
    void negativeScopeLimitOrSkip() {
        refused(() -> posts.find(Filter.empty().include(Include.of("comments", Filter.empty().withLimit(-1)))),
                "include[0].scope.limit", "-1");
        refused(() -> posts.find(Filter.empty().include(Include.of("comments", Filter.empty().withSkip(-2)))),
                "include[0].scope.skip", "-2");
        refused(() -> posts.find(Filter.empty().include(Include.of("comments", Filter.empty().withLimit(5000)))),
                "include[0].scope.limit", "5000");
    }

    @Test
    void depthAboveTheMaximum() {
        String nested = "\"posts\"";
        for (int i = 0; i < 5; i++) {
            nested = "{\"relation\":\"" + (i % 2 == 0 ? "author" : "posts") + "\",\"scope\":{\"include\":[" + nested + "]}}";
        }
        String json = "{\"include\":[" + nested + "]}";
        assertThatThrownBy(() -> posts.find(Filter.parse(json))).isInstanceOf(FilterException.class).hasMessageContaining("deeper than 5");
        assertThat(counter.statements).isEmpty();
    }

    @Test
    void unknownRelationOrFieldInARelatedFieldPath() {
        refused(() -> posts.find(Filter.where("author.nme", "Ada").include("comments")), "where.author.nme", "nme");
        refused(() -> posts.find(Filter.where("author.mentor.nme", "Ada")), "where.author.mentor.nme", "nme");
        refused(() -> posts.find(Filter.where("comments.writer.name", "Ada")), "where.comments.writer.name", "writer");
        refused(() -> posts.find(Filter.where("author.posts.author.posts.author.posts.title", "x")),
                "where.author.posts.author.posts.author.posts.title", "crosses more than 5");
    }

    @Test
    void aRepeatedShapeIsCheckedAgainForItsValues() {
        Filter good = Filter.parse("{\"include\":[{\"relation\":\"comments\",\"scope\":{\"where\":{\"seq\":1}}}]}");
        assertThat(posts.find(good)).hasSize(2);
        counter.reset();
        refused(() -> posts.find(Filter.parse("{\"include\":[{\"relation\":\"comments\",\"scope\":{\"where\":{\"seq\":\"x\"}}}]}")),
                "include[0].scope.where.seq", "seq");
    }

    // ---- the statement minimum

    @Test
    void sameDataSourceToOneChainIsOneStatement() {
        Filter chain = Filter.empty().include(Include.of("mentor"));
        for (int i = 0; i < 4; i++) {
            chain = Filter.empty().include(Include.of("mentor", chain));
        }
        Author flo = authors.findById("a6", chain).orElseThrow();
        assertThat(flo.mentor.mentor.mentor.mentor.mentor.name).isEqualTo("Ada");
        assertThat(counter.statements).as("five levels of mentor joined into one statement").hasSize(1);
    }

    @Test
    void sameDataSourceToOneBelowABatchedOrCrossDataSourceLevelIsJoined() {
        List<Post> rows = posts.find(Filter.where("id", "p2").include(Include.of("comments", Filter.empty().include("post"))));
        assertThat(rows.get(0).comments.get(0).post.title).isEqualTo("Second");
        assertThat(counter.statements).extracting(e -> e.strategy()).containsExactly("direct", "batch");

        counter.reset();
        List<Comment> found = comments.find(Filter.where("id", "c2")
                .include(Include.of("post", Filter.empty().include(Include.of("author", Filter.empty().include("mentor"))))));
        assertThat(found.get(0).post.author.mentor.name).isEqualTo("Ada");
        assertThat(counter.statements).extracting(e -> e.dataSource() + ":" + e.strategy())
                .as("comment+post joined, author+mentor joined").containsExactly("Content:direct", "People:cross-datasource");
    }

    @Test
    void manyThroughWhoseJunctionAndTargetShareAnotherDataSourceIsOneStatement() {
        List<Author> rows = authors.find(Filter.where(Where.in("id", List.of("a1", "a2"))).order("name ASC")
                .include(Include.of("tags", Filter.empty().order("label DESC"))));
        assertThat(rows.get(0).tags).extracting(t -> t.label).containsExactly("sql", "java");
        assertThat(rows.get(1).tags).extracting(t -> t.label).containsExactly("sql");
        assertThat(counter.statements).extracting(e -> e.dataSource() + ":" + e.strategy())
                .containsExactly("People:direct", "Content:cross-datasource");

        counter.reset();
        List<Author> windowed = authors.find(Filter.where("id", "a1").include(Include.of("tags", Filter.empty().order("label ASC").limit(1))));
        assertThat(windowed.get(0).tags).extracting(t -> t.label).containsExactly("java");
        assertThat(counter.statements).hasSize(2);
    }

    @Test
    void conditionsOnOneToOnePathShareOneLookup() {
        List<Post> rows = posts.find(Filter.where(Where.and(Where.eq("author.name", "Bob"), Where.eq("author.mentorId", "a1"))));
        assertThat(rows).extracting(p -> p.getId()).containsExactly("p2");
        assertThat(counter.statements).extracting(e -> e.dataSource() + ":" + e.operation())
                .containsExactly("People:related-where", "Content:find");

        counter.reset();
        assertThat(posts.find(Filter.where(Where.and(Where.eq("author.name", "Bob"), Where.eq("author.mentor.name", "Ada")))))
                .extracting(p -> p.getId()).containsExactly("p2");
        assertThat(counter.statements).as("a shared prefix: one lookup, the mentor hop inside it").hasSize(2);
    }

    @Test
    void anEmptyKeySetSkipsItsStatement() {
        assertThat(posts.find(Filter.where("author.name", "Nobody").include("comments"))).isEmpty();
        assertThat(counter.statements).extracting(e -> e.operation()).as("the lookup, no root statement").containsExactly("related-where");
        assertThat(posts.count(Where.eq("author.name", "Nobody"))).isZero();
    }

    @Test
    void relatedHopOnTheSameDataSourceIsInTheStatement() {
        assertThat(posts.find(Filter.where("comments.body", "y"))).extracting(p -> p.getId()).containsExactly("p2");
        assertThat(counter.statements).hasSize(1);
    }

    @Test
    void countsResolveRelatedConditionsToo() {
        assertThat(comments.count(Where.eq("post.author.name", "Ada"))).isEqualTo(1);
        assertThat(counter.statements).extracting(e -> e.operation()).containsExactly("related-where", "count");
    }
}
