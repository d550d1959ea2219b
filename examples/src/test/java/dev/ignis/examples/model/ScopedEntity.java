package dev.ignis.examples.model;

import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;

/** The tenant property and soft-delete column of the scope models of the three-database test. */
@MappedSuperclass
public abstract class ScopedEntity extends StringIdEntity {
    public String tenantId;

    @Embedded
    public DeletedAtColumn deleted = new DeletedAtColumn();
}
