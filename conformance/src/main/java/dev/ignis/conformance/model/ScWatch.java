package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The junction of {@link ScProject#getWatchers()}: on the main datasource, its targets on the aux one. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "cf_sc_watch")
public class ScWatch extends ScSoftDeleted {
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

    public String getProjectId() {
        return projectId;
    }

    public String getOwnerId() {
        return ownerId;
    }
}
