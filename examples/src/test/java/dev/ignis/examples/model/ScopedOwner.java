package dev.ignis.examples.model;

import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tenant's project owner (MariaDB). */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "ScopedOwner")
public class ScopedOwner extends StringIdEntity {
    public String tenantId;
    public String name;

    @Embedded
    public DeletedAtColumn deleted = new DeletedAtColumn();

    public ScopedOwner() {
    }

    public ScopedOwner(String id, String name) {
        this.id = id;
        this.name = name;
    }
}
