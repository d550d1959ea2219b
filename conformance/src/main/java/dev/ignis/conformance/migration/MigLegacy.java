package dev.ignis.conformance.migration;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A table managed elsewhere ({@code skipMigrate}): no migration creates it, so validating it would fail the start. */
@Model(skipMigrate = true)
@Entity
@Table(name = "mig_legacy")
public class MigLegacy extends StringIdEntity {
    private String label;

    public String getLabel() {
        return label;
    }
}
