package dev.ignis.conformance.model;

import dev.ignis.api.model.DeletedAtColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * The scope suite's tenant models with soft delete declared on the model ({@code @Model(softDelete = true)}):
 * {@code deletedAt} from the enricher, and {@code deletedBy}.
 */
@MappedSuperclass
public abstract class ScSoftDeleted extends ScScoped {
    @Embedded
    private DeletedAtColumn deleted = new DeletedAtColumn();

    @Column(length = 64)
    private String deletedBy;

    public Instant getDeletedAt() {
        return deleted == null ? null : deleted.getDeletedAt();
    }

    public String getDeletedBy() {
        return deletedBy;
    }
}
