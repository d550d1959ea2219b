package dev.ignis.examples.model;

import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Links projects to tags (H2). */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "ScopedProjectTag")
public class ScopedProjectTag extends StringIdEntity {
    public String tenantId;
    public String projectId;
    public String tagId;

    @Embedded
    public DeletedAtColumn deleted = new DeletedAtColumn();

    public ScopedProjectTag() {
    }

    public ScopedProjectTag(String id, String projectId, String tagId) {
        this.id = id;
        this.projectId = projectId;
        this.tagId = tagId;
    }
}
