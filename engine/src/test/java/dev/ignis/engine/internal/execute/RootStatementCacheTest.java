package dev.ignis.engine.internal.execute;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.include.Author;
import dev.ignis.engine.include.AuthorTag;
import dev.ignis.engine.include.Comment;
import dev.ignis.engine.include.Post;
import dev.ignis.engine.include.PostReviewer;
import dev.ignis.engine.include.PostTag;
import dev.ignis.engine.include.Tag;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The root statement is compiled once per filter shape; later calls of the shape bind their own values to it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RootStatementCacheTest {
    private Engine engine;
    private BaseDataSource content;
    private CrudRepository<Post, String> posts;

    @BeforeAll
    void start() {
        content = new DataSource(DataSourceConfig.named("Content").driver("test-h2").database("root-cache")
                .schemaAction(SchemaAction.CREATE)
                .models(Post.class, Comment.class, Tag.class, PostTag.class, PostReviewer.class, AuthorTag.class, Author.class));
        engine = Engine.builder().drivers(new TestH2Driver()).dataSources(content).build().start();
        posts = new CrudRepository<>(content, Post.class);
        new CrudRepository<Author, String>(content, Author.class).createAll(List.of(new Author("a1", "Ada", null), new Author("a2", "Bob", null)));
        posts.createAll(List.of(new Post("p1", "First", "a1", 1), new Post("p2", "Second", "a2", 2), new Post("p3", "Third", "a1", 3)));
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    private long compilations() {
        return ((StartedDataSource) content.runtime()).reads().rootCompilations();
    }

    @Test
    void twoCallsOfOneShapeWithOtherValuesCompileOnceAndBindTheirOwnValues() {
        long before = compilations();
        Filter first = Filter.where(Where.and(Where.gte("rank", 2), Where.in("authorId", List.of("a1", "a2")))).order("rank ASC").include("author");
        Filter second = Filter.where(Where.and(Where.gte("rank", 1), Where.in("authorId", List.of("a1")))).order("rank ASC").include("author");
        assertThat(posts.find(first)).extracting(p -> p.getId() + " " + p.author.name).containsExactly("p2 Bob", "p3 Ada");
        assertThat(posts.find(second)).extracting(p -> p.getId() + " " + p.author.name).containsExactly("p1 Ada", "p3 Ada");
        assertThat(compilations() - before).as("the compiler ran for the first call only").isEqualTo(1);
        long byId = ((ModelOperations<?, ?>) content.runtime().operations(Post.class)).findByIdCompilations();
        assertThat(posts.findById("p2", Filter.where("rank", 2))).map(p -> p.title).contains("Second");
        assertThat(posts.findById("p3", Filter.where("rank", 3))).map(p -> p.title).contains("Third");
        assertThat(compilations() - before).as("and once for findById's shape with a where").isEqualTo(2);
        assertThat(posts.findById("p2")).map(p -> p.title).contains("Second");
        assertThat(posts.findById("p3")).map(p -> p.title).contains("Third");
        assertThat(((ModelOperations<?, ?>) content.runtime().operations(Post.class)).findByIdCompilations() - byId)
                .as("a plain findById is kept apart, compiled once for its shape").isEqualTo(1);
    }

    @Test
    void aKeptShapeStillChecksItsValues() {
        posts.find(Filter.where("rank", 1));
        assertThatThrownBy(() -> posts.find(Filter.where("rank", "not a number"))).isInstanceOf(FilterException.class)
                .hasMessageContaining("rank");
    }

    @Test
    void aNullValueIsAnotherShape() {
        long before = compilations();
        assertThat(posts.find(Filter.where("authorId", "a2"))).extracting(Post::getId).containsExactly("p2");
        assertThat(posts.find(Filter.where("authorId", null))).isEmpty();
        assertThat(compilations() - before).isEqualTo(2);
    }

    @Test
    void aPatternIsCompiledEveryCall() {
        long before = compilations();
        assertThat(posts.find(Filter.where(Where.like("title", "F%")))).extracting(Post::getId).containsExactly("p1");
        assertThat(posts.find(Filter.where(Where.like("title", "S%")))).extracting(Post::getId).containsExactly("p2");
        assertThat(compilations() - before).isEqualTo(2);
    }

    private static final class DataSource extends BaseDataSource {
        DataSource(DataSourceConfig.Builder config) {
            super(config);
        }
    }
}
