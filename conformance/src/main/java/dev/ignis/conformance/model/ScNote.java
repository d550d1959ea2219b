package dev.ignis.conformance.model;

import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A note on a project (aux datasource): the cross-datasource to-many of {@link ScProject}. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "cf_sc_note")
public class ScNote extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String tenantId;

    @Embedded
    private DeletedAtColumn deleted = new DeletedAtColumn();

    @Column(length = 64)
    private String deletedBy;

    @Column(length = 64)
    private String projectId;

    @Column(length = 200)
    private String body;

    public ScNote() {
    }

    public ScNote(String id, String tenantId, String projectId, String body) {
        this.id = id;
        this.tenantId = tenantId;
        this.projectId = projectId;
        this.body = body;
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

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    @Override
    public String toString() {
        return "ScNote{" + id + "}";
    }
}
