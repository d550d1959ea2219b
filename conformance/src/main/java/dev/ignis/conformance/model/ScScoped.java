package dev.ignis.conformance.model;

import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** What the scope suite's tenant models share: the tenant property ({@code @Model(tenant = "tenantId")}). */
@MappedSuperclass
public abstract class ScScoped extends StringIdEntity {
    @Column(nullable = false, length = 64)
    protected String tenantId;

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + id + "}";
    }
}
