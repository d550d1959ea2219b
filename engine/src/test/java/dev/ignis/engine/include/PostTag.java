package dev.ignis.engine.include;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Model
@Entity
@Table(name = "PostTag")
public class PostTag extends StringIdEntity {
    public String postId;
    public String tagId;

    public PostTag() {
    }

    public PostTag(String id, String postId, String tagId) {
        this.id = id;
        this.postId = postId;
        this.tagId = tagId;
    }
}
