package dev.ignis.api.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * Extra user columns of the seed's {@code extraUserColumns}: {@code realm}, {@code status}, {@code type},
 * {@code activated_at}, {@code last_login_at}, {@code parent_id}.
 */
@Embeddable
public class UserColumns {
    @Column(name = "realm", length = 64)
    private String realm;

    @Column(name = "status", length = 32)
    private String status;

    @Column(name = "type", length = 32)
    private String type;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "parent_id", length = 64)
    private String parentId;

    public String getRealm() {
        return realm;
    }

    public void setRealm(String realm) {
        this.realm = realm;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public void setActivatedAt(Instant activatedAt) {
        this.activatedAt = activatedAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }

    public String getParentId() {
        return parentId;
    }

    public void setParentId(String parentId) {
        this.parentId = parentId;
    }
}
