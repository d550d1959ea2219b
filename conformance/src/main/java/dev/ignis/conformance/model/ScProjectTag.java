package dev.ignis.conformance.model;

import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** The junction of {@link ScProject#getTags()}, on the same datasource as both ends. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "cf_sc_project_tag")
public class ScProjectTag extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String tenantId;

    @Embedded
    private DeletedAtColumn deleted = new DeletedAtColumn();

    @Column(length = 64)
    private String deletedBy;

    @Column(length = 64)
    private String projectId;

    @Column(length = 64)
    private String tagId;

    public ScProjectTag() {
    }

    public ScProjectTag(String id, String tenantId, String projectId, String tagId) {
        this.id = id;
        this.tenantId = tenantId;
        this.projectId = projectId;
        this.tagId = tagId;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public Instant getDeletedAt() {
        return deleted == null ? null : deleted.getDeletedAt();
    }

    public String getDeletedBy() {
        return deletedBy;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public String getTagId() {
        return tagId;
    }

    public void setTagId(String tagId) {
        this.tagId = tagId;
    }

    @Override
    public String toString() {
        return "ScProjectTag{" + id + "}";
    }
}
