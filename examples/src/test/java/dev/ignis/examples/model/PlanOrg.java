package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An organisation (PostgreSQL). */
@Model
@Entity
@Table(name = "PlanOrg")
public class PlanOrg extends StringIdEntity {
    public String name;

    public PlanOrg() {
    }

    public PlanOrg(String id) {
        this.id = id;
    }
}
