package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.model.UserAuditColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A model with user-audit columns that refuses writes without a current user ({@code allowAnonymous = false}). */
@Model(allowAnonymous = false)
@Entity
@Table(name = "cf_audited")
public class Audited extends StringIdEntity {
    @Embedded
    private TzColumns tz;

    @Embedded
    private UserAuditColumns audit;

    @Column(nullable = false, length = 100)
    private String title;

    public Audited() {
    }

    public Audited(String title) {
        this.title = title;
    }

    public Instant getCreatedAt() {
        return tz == null ? null : tz.getCreatedAt();
    }

    public Instant getModifiedAt() {
        return tz == null ? null : tz.getModifiedAt();
    }

    public String getCreatedBy() {
        return audit == null ? null : audit.getCreatedBy();
    }

    public String getModifiedBy() {
        return audit == null ? null : audit.getModifiedBy();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
