package dev.ignis.benchmarks.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * An event of an {@link EventParent}. The index on (parent, seq DESC, id) follows the include's order key for key (the id is its last key); seq
 * is not null, so no database sorts by an extra "is null" key the index cannot serve.
 */
@Model
@Entity
@Table(name = "pp_event", indexes = @Index(name = "pp_event_parent_seq", columnList = "parent_id, seq DESC, id"))
public class Event extends StringIdEntity {
    @Column(nullable = false, length = 16)
    private String parentId;

    @Column(nullable = false)
    private Integer seq;

    @Column(length = 40)
    private String payload;

    public Event() {
    }

    public Event(String id, String parentId, Integer seq, String payload) {
        this.id = id;
        this.parentId = parentId;
        this.seq = seq;
        this.payload = payload;
    }

    public String getParentId() {
        return parentId;
    }

    public Integer getSeq() {
        return seq;
    }

    public String getPayload() {
        return payload;
    }
}
