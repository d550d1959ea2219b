package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tenant's project owner (MariaDB). */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "ScopedOwner")
public class ScopedOwner extends ScopedEntity {
    public String name;

    public ScopedOwner() {
    }

    public ScopedOwner(String id, String name) {
        this.id = id;
        this.name = name;
    }
}
