package dev.ignis.api.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * User-audit enricher: {@code created_by} and {@code modified_by}, filled from the engine's {@link CurrentUser}.
 * Filter keys {@code createdBy}, {@code modifiedBy}.
 */
@Embeddable
public class UserAuditColumns {
    @Column(name = "created_by", length = 64)
    private String createdBy;

    @Column(name = "modified_by", length = 64)
    private String modifiedBy;

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public String getModifiedBy() {
        return modifiedBy;
    }

    public void setModifiedBy(String modifiedBy) {
        this.modifiedBy = modifiedBy;
    }
}
