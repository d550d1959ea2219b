package dev.ignis.examples.model;

import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tag (H2). */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "ScopedTag")
public class ScopedTag extends StringIdEntity {
    public String tenantId;
    public String label;

    @Embedded
    public DeletedAtColumn deleted = new DeletedAtColumn();

    public ScopedTag() {
    }

    public ScopedTag(String id, String label) {
        this.id = id;
        this.label = label;
    }
}
