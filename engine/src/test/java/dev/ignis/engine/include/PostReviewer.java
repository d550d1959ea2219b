package dev.ignis.engine.include;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Model
@Entity
@Table(name = "PostReviewer")
public class PostReviewer extends StringIdEntity {
    public String postId;
    public String authorId;

    public PostReviewer() {
    }

    public PostReviewer(String id, String postId, String authorId) {
        this.id = id;
        this.postId = postId;
        this.authorId = authorId;
    }
}
