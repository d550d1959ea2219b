package dev.ignis.conformance.model;

import dev.ignis.api.model.DeletedAtColumn;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What the scope suite's tenant models share: the tenant property ({@code @Model(tenant = "tenantId")}) and the
 * soft-delete columns ({@code @Model(softDelete = true)}: {@code deletedAt} from the enricher, {@code deletedBy}).
 */
@MappedSuperclass
public abstract class ScScoped extends StringIdEntity {
    @Column(nullable = false, length = 64)
    protected String tenantId;

    @Embedded
    private DeletedAtColumn deleted = new DeletedAtColumn();

    @Column(length = 64)
    private String deletedBy;

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

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + id + "}";
    }
}
