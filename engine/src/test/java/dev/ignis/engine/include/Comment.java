package dev.ignis.engine.include;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.One;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Model
@Entity
@Table(name = "Comment")
public class Comment extends StringIdEntity {
    public String postId;
    public String body;
    public Integer seq;

    @One(fields = "postId")
    public Post post;

    public Comment() {
    }

    public Comment(String id, String postId, String body, Integer seq) {
        this.id = id;
        this.postId = postId;
        this.body = body;
        this.seq = seq;
    }
}
