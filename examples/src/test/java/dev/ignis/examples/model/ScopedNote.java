package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A note on a project (H2). */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "ScopedNote")
public class ScopedNote extends ScopedEntity {
    public String projectId;
    public String body;

    public ScopedNote() {
    }

    public ScopedNote(String id, String projectId, String body) {
        this.id = id;
        this.projectId = projectId;
        this.body = body;
    }
}
