package dev.ignis.engine.include;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import dev.ignis.api.relation.One;
import dev.ignis.api.relation.Through;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

@Model
@Entity
@Table(name = "Post")
public class Post extends StringIdEntity {
    public String title;
    public String authorId;
    public Integer rank;

    @One(fields = "authorId")
    public Author author;

    @Many(fields = "postId")
    public List<Comment> comments;

    @Many(through = @Through(model = PostTag.class, sourceFields = "postId", targetFields = "tagId"))
    public List<Tag> tags;

    /** Junction here, authors on the other datasource. */
    @Many(through = @Through(model = PostReviewer.class, sourceFields = "postId", targetFields = "authorId"))
    public List<Author> reviewers;

    public Post() {
    }

    public Post(String id, String title, String authorId, Integer rank) {
        this.id = id;
        this.title = title;
        this.authorId = authorId;
        this.rank = rank;
    }
}
