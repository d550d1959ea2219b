package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Links projects to tags (H2). */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "ScopedProjectTag")
public class ScopedProjectTag extends ScopedEntity {
    public String projectId;
    public String tagId;

    public ScopedProjectTag() {
    }

    public ScopedProjectTag(String id, String projectId, String tagId) {
        this.id = id;
        this.projectId = projectId;
        this.tagId = tagId;
    }
}
