package dev.ignis.engine.include;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each datasource has one connection. An include that leaves the datasource and comes back to it (posts → author on
 * the second datasource → the author's posts on the first) needs the first datasource's connection again while the
 * outer read is still going: a read outside a transaction must hand its connection back after each statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleConnectionIncludeTest {
    static final class Content extends BaseDataSource {
        Content() {
            super(DataSourceConfig.named("ContentOne").driver("test-h2").database("content-one").schemaAction(SchemaAction.CREATE)
                    .maxPoolSize(1).connectionTimeout(Duration.ofSeconds(2))
                    .models(Post.class, Comment.class, Tag.class, PostTag.class, PostReviewer.class, AuthorTag.class));
        }
    }

    static final class People extends BaseDataSource {
        People() {
            super(DataSourceConfig.named("PeopleOne").driver("test-h2").database("people-one").schemaAction(SchemaAction.CREATE)
                    .maxPoolSize(1).connectionTimeout(Duration.ofSeconds(2)).models(Author.class));
        }
    }

    Engine engine;
    CrudRepository<Post, String> posts;

    @BeforeAll
    void start() {
        Content content = new Content();
        People people = new People();
        engine = Engine.builder().drivers(new TestH2Driver()).dataSources(content, people).build().start();
        posts = new CrudRepository<>(content, Post.class);
        new CrudRepository<Author, String>(people, Author.class)
                .createAll(List.of(new Author("a1", "Ada", null), new Author("a2", "Bob", "a1")));
        posts.createAll(List.of(new Post("p1", "First", "a1", 1), new Post("p2", "Second", "a2", 2), new Post("p3", "Third", "a1", 3)));
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @Test
    void anIncludeComingBackToTheDataSourceFindsAConnection() {
        Filter filter = Filter.empty().order("rank ASC")
                .include(Include.of("author", Filter.empty().include(Include.of("posts", Filter.empty().order("rank ASC")))));
        List<Post> rows = posts.find(filter);
        assertThat(rows).extracting(p -> p.author.name).containsExactly("Ada", "Bob", "Ada");
        assertThat(rows.get(0).author.posts).extracting(p -> p.title).containsExactly("First", "Third");
        assertThat(rows.get(1).author.posts).extracting(p -> p.title).containsExactly("Second");
    }
}
