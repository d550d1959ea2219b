package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tag of {@link ScProject} (main datasource), reached over the junction {@link ScProjectTag}. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "cf_sc_tag")
public class ScTag extends ScSoftDeleted {
    @Column(length = 100)
    private String label;

    public ScTag() {
    }

    public ScTag(String id, String tenantId, String label) {
        this.id = id;
        this.tenantId = tenantId;
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
