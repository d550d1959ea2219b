package dev.ignis.engine.include;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Junction of authors (on one datasource) and tags: it and the tags live together on the other. */
@Model
@Entity
@Table(name = "AuthorTag")
public class AuthorTag extends StringIdEntity {
    public String authorId;
    public String tagId;

    public AuthorTag() {
    }

    public AuthorTag(String id, String authorId, String tagId) {
        this.id = id;
        this.authorId = authorId;
        this.tagId = tagId;
    }
}
