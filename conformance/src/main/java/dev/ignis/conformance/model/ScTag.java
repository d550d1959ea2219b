package dev.ignis.conformance.model;

import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A tag of {@link ScProject} (main datasource), reached over the junction {@link ScProjectTag}. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "cf_sc_tag")
public class ScTag extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String tenantId;

    @Embedded
    private DeletedAtColumn deleted = new DeletedAtColumn();

    @Column(length = 64)
    private String deletedBy;

    @Column(length = 100)
    private String label;

    public ScTag() {
    }

    public ScTag(String id, String tenantId, String label) {
        this.id = id;
        this.tenantId = tenantId;
        this.label = label;
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

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return "ScTag{" + id + "}";
    }
}
