package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The junction of {@link ScProject#getTags()}, on the same datasource as both ends. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "cf_sc_project_tag")
public class ScProjectTag extends ScSoftDeleted {
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

    public String getProjectId() {
        return projectId;
    }

    public String getTagId() {
        return tagId;
    }
}
