package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The junction of {@link HzNode}'s many-through relation {@code linked}. */
@Model
@Entity
@Table(name = "cf_hz_link")
public class HzLink extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String fromId;

    @Column(nullable = false, length = 64)
    private String toId;

    public HzLink() {
    }

    public HzLink(String id, String fromId, String toId) {
        this.id = id;
        this.fromId = fromId;
        this.toId = toId;
    }

    public String getFromId() {
        return fromId;
    }

    public String getToId() {
        return toId;
    }
}
