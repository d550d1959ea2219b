package dev.ignis.conformance.model;

import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** An owner (aux datasource): the cross-datasource to-one of {@link ScProject}. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "cf_sc_owner")
public class ScOwner extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String tenantId;

    @Embedded
    private DeletedAtColumn deleted = new DeletedAtColumn();

    @Column(length = 64)
    private String deletedBy;

    @Column(length = 100)
    private String name;

    public ScOwner() {
    }

    public ScOwner(String id, String tenantId, String name) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "ScOwner{" + id + "}";
    }
}
