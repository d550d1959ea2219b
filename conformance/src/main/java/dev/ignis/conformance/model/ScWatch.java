package dev.ignis.conformance.model;

import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** The junction of {@link ScProject#getWatchers()}: on the main datasource, its targets on the aux one. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "cf_sc_watch")
public class ScWatch extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String tenantId;

    @Embedded
    private DeletedAtColumn deleted = new DeletedAtColumn();

    @Column(length = 64)
    private String deletedBy;

    @Column(length = 64)
    private String projectId;

    @Column(length = 64)
    private String ownerId;

    public ScWatch() {
    }

    public ScWatch(String id, String tenantId, String projectId, String ownerId) {
        this.id = id;
        this.tenantId = tenantId;
        this.projectId = projectId;
        this.ownerId = ownerId;
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

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    @Override
    public String toString() {
        return "ScWatch{" + id + "}";
    }
}
