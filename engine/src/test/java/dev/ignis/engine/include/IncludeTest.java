package dev.ignis.engine.include;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.TransactionException;
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
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Includes on one datasource (posts, comments, tags) and across two (authors live on the second). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class IncludeTest {
    /** Posts, comments and tags; other test classes start their own on a database of their own. */
    public static final class Content extends BaseDataSource {
        Content() {
            this("content");
        }

        /** On an H2 database of its own, for a test class that needs its own rows. */
        public Content(String database) {
            super(DataSourceConfig.named("Content").driver("test-h2").database(database).schemaAction(SchemaAction.CREATE)
                    .models(Post.class, Comment.class, Tag.class, PostTag.class, PostReviewer.class, AuthorTag.class));
        }
    }

    /** Authors, on a datasource of their own. */
    public static final class People extends BaseDataSource {
        People() {
            this("people");
        }

        public People(String database) {
            super(DataSourceConfig.named("People").driver("test-h2").database(database).schemaAction(SchemaAction.CREATE)
                    .models(Author.class));
        }
    }

    final StatementCounter counter = new StatementCounter();
    Engine engine;
    CrudRepository<Post, String> posts;
    CrudRepository<Author, String> authors;
    CrudRepository<Comment, String> comments;
    CrudRepository<Tag, String> tags;
    CrudRepository<PostTag, String> postTags;
    CrudRepository<PostReviewer, String> reviewers;

    @BeforeAll
    void start() {
        Content content = new Content();
        People people = new People();
        engine = Engine.builder().drivers(new TestH2Driver()).dataSources(content, people).listener(counter)
                .inListChunkSize(100).maxLimit(2000).build().start();
        posts = new CrudRepository<>(content, Post.class);
        comments = new CrudRepository<>(content, Comment.class);
        tags = new CrudRepository<>(content, Tag.class);
        postTags = new CrudRepository<>(content, PostTag.class);
        reviewers = new CrudRepository<>(content, PostReviewer.class);
        authors = new CrudRepository<>(people, Author.class);
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @BeforeEach
    void seed() {
        for (CrudRepository<?, String> repo : List.of(posts, comments, tags, postTags, reviewers, authors)) {
            repo.deleteAll(Where.empty(), dev.ignis.api.repository.WriteOptions.forced());
        }
        authors.createAll(List.of(new Author("a1", "Ada", null), new Author("a2", "Bob", "a1")));
        posts.createAll(List.of(new Post("p1", "First", "a1", 1), new Post("p2", "Second", "a2", 2),
                new Post("p3", "Orphan", null, 3), new Post("p4", "Ghost", "missing", 4)));
        comments.createAll(List.of(new Comment("c1", "p1", "x", 1), new Comment("c2", "p1", "y", 2),
                new Comment("c3", "p1", "z", 3), new Comment("c4", "p2", "w", 1)));
        tags.createAll(List.of(new Tag("t1", "java"), new Tag("t2", "sql")));
        postTags.createAll(List.of(new PostTag("pt1", "p1", "t1"), new PostTag("pt2", "p1", "t2"), new PostTag("pt3", "p2", "t2")));
        reviewers.createAll(List.of(new PostReviewer("r1", "p1", "a1"), new PostReviewer("r2", "p1", "a2"), new PostReviewer("r3", "p2", "a1")));
        counter.reset();
    }

    @Test
    void toOneAcrossDataSourcesFillsObjectsOrNull() {
        List<Post> rows = posts.find(Filter.empty().order("rank ASC").include("author"));
        assertThat(rows).extracting(p -> p.author == null ? null : p.author.name).containsExactly("Ada", "Bob", null, null);
        assertThat(rows.get(0).author.password).as("hidden inside includes").isNull();
        assertThat(counter.count("Content", "direct")).isEqualTo(1);
        assertThat(counter.count("People", "cross-datasource")).isEqualTo(1);
        assertThat(counter.calls).singleElement().satisfies(c -> assertThat(c.statements()).isEqualTo(2));
    }

    @Test
    void toManyIsAListNeverNull() {
        List<Post> rows = posts.find(Filter.empty().order("rank ASC").include("comments"));
        assertThat(rows).extracting(p -> p.comments.size()).containsExactly(3, 1, 0, 0);
        assertThat(counter.statements).hasSize(2);
    }

    @Test
    void perParentLimitIsOneStatement() {
        Filter filter = Filter.empty().order("rank ASC")
                .include(Include.of("comments", Filter.empty().order("seq DESC").limit(2)));
        List<Post> rows = posts.find(filter);
        assertThat(rows.get(0).comments).extracting(c -> c.body).containsExactly("z", "y");
        assertThat(rows.get(1).comments).extracting(c -> c.body).containsExactly("w");
        assertThat(counter.statements).extracting(e -> e.strategy()).containsExactly("direct", "per-parent");
    }

    @Test
    void manyThroughJunction() {
        List<Post> rows = posts.find(Filter.empty().order("rank ASC").include("tags"));
        assertThat(rows.get(0).tags).extracting(t -> t.label).containsExactly("java", "sql");
        assertThat(rows.get(1).tags).extracting(t -> t.label).containsExactly("sql");
        assertThat(rows.get(2).tags).isEmpty();
    }

    @Test
    void manyThroughWithAPerParentLimitIsOneStatement() {
        List<Post> rows = posts.find(Filter.empty().order("rank ASC")
                .include(Include.of("tags", Filter.empty().order("label DESC").limit(1))));
        assertThat(rows.get(0).tags).extracting(t -> t.label).containsExactly("sql");
        assertThat(rows.get(1).tags).extracting(t -> t.label).containsExactly("sql");
        assertThat(rows.get(2).tags).isEmpty();
        assertThat(counter.statements).extracting(e -> e.strategy()).containsExactly("direct", "per-parent");

        counter.reset();
        List<Post> skipped = posts.find(Filter.where("id", "p1").include(Include.of("tags", Filter.empty().order("label ASC").skip(1))));
        assertThat(skipped.get(0).tags).extracting(t -> t.label).containsExactly("sql");
    }

    @Test
    void manyThroughAcrossDataSourcesKeepsScopeOrderAndWindow() {
        List<Post> rows = posts.find(Filter.empty().order("rank ASC")
                .include(Include.of("reviewers", Filter.empty().order("name DESC").limit(1))));
        assertThat(rows.get(0).reviewers).extracting(a -> a.name).containsExactly("Bob");
        assertThat(rows.get(1).reviewers).extracting(a -> a.name).containsExactly("Ada");
        assertThat(rows.get(2).reviewers).isEmpty();
        assertThat(counter.statements).extracting(e -> e.dataSource() + ":" + e.strategy())
                .containsExactly("Content:direct", "Content:cross-datasource", "People:cross-datasource");

        counter.reset();
        List<Post> all = posts.find(Filter.where("id", "p1").include(Include.of("reviewers", Filter.empty().order("name ASC"))));
        assertThat(all.get(0).reviewers).extracting(a -> a.name).containsExactly("Ada", "Bob");
    }

    @Test
    void nestedIncludesAcrossDataSourcesAndBack() {
        Filter filter = Filter.parse("{\"where\":{\"id\":\"c4\"},\"include\":[{\"relation\":\"post\",\"scope\":{\"include\":"
                + "[{\"relation\":\"author\",\"scope\":{\"include\":[\"mentor\",{\"relation\":\"posts\",\"scope\":{\"order\":\"rank DESC\"}}]}}]}}]}");
        Comment c = comments.find(filter).get(0);
        assertThat(c.post.author.name).isEqualTo("Bob");
        assertThat(c.post.author.mentor.name).isEqualTo("Ada");
        assertThat(c.post.author.posts).extracting(p -> p.title).containsExactly("Second");
        assertThat(counter.statements).as("comment+post joined, author+mentor joined, posts").hasSize(3);
    }

    @Test
    void scopedWhereAndFieldsKeepStitchingKeys() {
        Filter filter = Filter.empty().order("rank ASC").fields("title")
                .include(Include.of("comments", Filter.where("body", "y").fields("body")));
        List<Post> rows = posts.find(filter);
        assertThat(rows.get(0).authorId).as("not asked for").isNull();
        assertThat(rows.get(0).comments).singleElement().satisfies(cm -> {
            assertThat(cm.body).isEqualTo("y");
            assertThat(cm.postId).as("stitching key removed from output").isNull();
        });
    }

    @Test
    void whereOnRelatedFieldSameAndCrossDataSource() {
        assertThat(posts.find(Filter.where("comments.body", "w"))).extracting(p -> p.getId()).containsExactly("p2");
        assertThat(posts.find(Filter.where("author.name", "Ada"))).extracting(p -> p.getId()).containsExactly("p1");
        assertThat(posts.find(Filter.where("author.name", "Nobody"))).isEmpty();
        assertThat(posts.find(Filter.where("tags.label", "sql").order("rank ASC"))).extracting(p -> p.getId()).containsExactly("p1", "p2");
    }

    @Test
    void joinedToOneScopeNarrowsTheRelationNotTheParents() {
        List<Comment> rows = comments.find(Filter.empty().order("body ASC")
                .include(Include.of("post", Filter.where("title", "First").include("tags"))));
        assertThat(rows).hasSize(4);
        assertThat(rows).filteredOn(c -> c.postId.equals("p1")).allSatisfy(c -> assertThat(c.post.tags).hasSize(2));
        assertThat(rows).filteredOn(c -> c.postId.equals("p2")).allSatisfy(c -> assertThat(c.post).isNull());
        assertThat(counter.statements).extracting(e -> e.strategy()).containsExactly("direct", "batch");
    }

    @Test
    void unknownRelationNamesTheValidOnes() {
        assertThatThrownBy(() -> posts.find(Filter.empty().include("writer")))
                .isInstanceOf(FilterException.class)
                .hasMessageContaining("include[0].relation").hasMessageContaining("author, comments, reviewers, tags");
        assertThat(counter.statements).as("refused before any statement").isEmpty();
    }

    @Test
    void crossDataSourceIncludeInsideTransactionIsRefused() {
        assertThatThrownBy(() -> posts.dataSource().transaction(tx -> posts.find(Filter.empty().include("author"))))
                .isInstanceOf(TransactionException.class).hasMessageContaining("People");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1000})
    void statementCountDoesNotGrowWithThePage(int parents) {
        List<Comment> many = new ArrayList<>();
        for (int i = 0; i < parents; i++) {
            many.add(new Comment("bulk" + i, "p1", "b" + i, 100 + i));
        }
        comments.createAll(many);
        counter.reset();
        List<Comment> rows = comments.find(Filter.where(Where.like("body", "b%"))
                .limit(parents).include("post"));
        assertThat(rows).hasSize(parents).allSatisfy(r -> assertThat(r.post.getId()).isEqualTo("p1"));
        assertThat(counter.statements).as("same-datasource to-one is joined into the parent statement").hasSize(1);

        counter.reset();
        assertThatThrownBy(() -> comments.find(Filter.where(Where.like("body", "b%")).limit(parents).include("post", "post")))
                .isInstanceOf(FilterException.class).hasMessageContaining("include[1].relation");
        assertThat(counter.statements).as("refused before any statement").isEmpty();
        counter.reset();
        List<Post> parentsOfMany = posts.find(Filter.where("id", "p1").include("comments"));
        assertThat(parentsOfMany.get(0).comments).hasSize(3 + parents);
        assertThat(counter.statements).as("to-many: one batched statement").hasSize(2);
    }

    @Test
    void keysAreChunkedPastTheListLimit() {
        List<Author> many = new ArrayList<>();
        List<Post> manyPosts = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(new Author("x" + i, "X" + i, null));
            manyPosts.add(new Post("px" + i, "T" + i, "x" + i, 10 + i));
        }
        authors.createAll(many);
        posts.createAll(manyPosts);
        counter.reset();
        List<Post> rows = posts.find(Filter.where(Where.like("title", "T%")).limit(250).include("author"));
        assertThat(rows).allSatisfy(p -> assertThat(p.author).isNotNull());
        assertThat(counter.count("People", "cross-datasource")).as("250 keys in chunks of 100").isEqualTo(3);
    }
}
