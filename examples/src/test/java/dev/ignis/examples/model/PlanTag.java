package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tag (H2). */
@Model
@Entity
@Table(name = "PlanTag")
public class PlanTag extends StringIdEntity {
    public String label;

    public PlanTag() {
    }

    public PlanTag(String id) {
        this.id = id;
    }
}
