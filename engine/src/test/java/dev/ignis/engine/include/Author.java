package dev.ignis.engine.include;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

@Model(hiddenProperties = "password")
@Entity
@Table(name = "Author")
public class Author extends StringIdEntity {
    public String name;
    public String password;
    public String mentorId;

    @Many(fields = "authorId")
    public List<Post> posts;

    @dev.ignis.api.relation.One(fields = "mentorId")
    public Author mentor;

    /** Junction and tags together on the posts' datasource. */
    @Many(through = @dev.ignis.api.relation.Through(model = AuthorTag.class, sourceFields = "authorId", targetFields = "tagId"))
    public List<Tag> tags;

    public Author() {
    }

    public Author(String id, String name, String mentorId) {
        this.id = id;
        this.name = name;
        this.mentorId = mentorId;
        this.password = "pw-" + id;
    }
}
