package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Owned by the second ("aux") datasource of a target, to prove a transaction stays on one datasource. */
@Model
@Entity
@Table(name = "cf_aux_entry")
public class AuxEntry extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String label;

    public AuxEntry() {
    }

    public AuxEntry(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
