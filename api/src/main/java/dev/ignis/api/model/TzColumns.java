package dev.ignis.api.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * Timestamp enricher: {@code created_at} and {@code modified_at} set on create from the engine's clock unless the
 * caller set them (imports keep their history), {@code modified_at} set on every update (bulk updates included). Embed with {@code @Embedded TzColumns tz;} — filter keys are {@code createdAt}, {@code modifiedAt}.
 */
@Embeddable
public class TzColumns {
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    public void setModifiedAt(Instant modifiedAt) {
        this.modifiedAt = modifiedAt;
    }
}
