package dev.ignis.api.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Principal enricher: a polymorphic owner reference, {@code principal_type} + {@code principal_id}
 * (filter keys {@code principalType}, {@code principalId}).
 */
@Embeddable
public class PrincipalColumns {
    @Column(name = "principal_type", length = 64)
    private String principalType;

    @Column(name = "principal_id", length = 64)
    private String principalId;

    public String getPrincipalType() {
        return principalType;
    }

    public void setPrincipalType(String principalType) {
        this.principalType = principalType;
    }

    public String getPrincipalId() {
        return principalId;
    }

    public void setPrincipalId(String principalId) {
        this.principalId = principalId;
    }
}
