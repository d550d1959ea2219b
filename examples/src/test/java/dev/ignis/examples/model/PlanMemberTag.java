package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Links members to tags (H2). */
@Model
@Entity
@Table(name = "PlanMemberTag")
public class PlanMemberTag extends StringIdEntity {
    public String memberId;
    public String tagId;

    public PlanMemberTag() {
    }

    public PlanMemberTag(String id) {
        this.id = id;
    }
}
