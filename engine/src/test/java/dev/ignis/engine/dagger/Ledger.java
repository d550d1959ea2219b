package dev.ignis.engine.dagger;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tenant model: every statement on it carries {@code tenant_id = ?}. */
@Model(tenant = "tenantId")
@Entity(name = "Ledger")
@Table(name = "dg_ledger")
public class Ledger extends StringIdEntity {
    @Column(length = 32)
    String tenantId;
    @Column(length = 100)
    String entry;

    public Ledger() {
    }

    public Ledger(String id, String entry) {
        this.id = id;
        this.entry = entry;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getEntry() {
        return entry;
    }
}
