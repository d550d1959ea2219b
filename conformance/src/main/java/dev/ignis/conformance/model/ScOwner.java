package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An owner (aux datasource): the cross-datasource to-one of {@link ScProject}. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "cf_sc_owner")
public class ScOwner extends ScSoftDeleted {
    @Column(length = 100)
    private String name;

    public ScOwner() {
    }

    public ScOwner(String id, String tenantId, String name) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
