package dev.ignis.api.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/** Optional part of the timestamp enricher: a nullable {@code deleted_at} for soft deletes (filter key {@code deletedAt}). */
@Embeddable
public class DeletedAtColumn {
    @Column(name = "deleted_at")
    private Instant deletedAt;

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }
}
