package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tag (H2). */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "ScopedTag")
public class ScopedTag extends ScopedEntity {
    public String label;

    public ScopedTag() {
    }

    public ScopedTag(String id, String label) {
        this.id = id;
        this.label = label;
    }
}
