package dev.ignis.conformance.model;

import dev.ignis.api.model.DeletedAt;
import dev.ignis.api.model.DeletedBy;
import dev.ignis.api.model.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A note on a project (aux datasource): the cross-datasource to-many of {@link ScProject}. Its soft delete is declared
 * on its own columns ({@link DeletedAt}, {@link DeletedBy}), which keep their names: {@code removedAt}, {@code removedBy}.
 */
@Model(tenant = "tenantId")
@Entity
@Table(name = "cf_sc_note")
public class ScNote extends ScScoped {
    @Column(length = 64)
    private String projectId;

    @Column(length = 200)
    private String body;

    @DeletedAt
    private Instant removedAt;

    @DeletedBy
    @Column(length = 64)
    private String removedBy;

    public ScNote() {
    }

    public ScNote(String id, String tenantId, String projectId, String body) {
        this.id = id;
        this.tenantId = tenantId;
        this.projectId = projectId;
        this.body = body;
    }

    public String getProjectId() {
        return projectId;
    }

    public String getBody() {
        return body;
    }

    public Instant getRemovedAt() {
        return removedAt;
    }

    public String getRemovedBy() {
        return removedBy;
    }
}
