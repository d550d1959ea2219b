package dev.ignis.resilience.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.ModelType;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/**
 * A read-only view over accounts whose every query takes a while ({@code pg_sleep} in the view), so a caller holds
 * its pooled connection for that long. The test creates the view; the schema action leaves VIEW models alone.
 */
@Model(type = ModelType.VIEW)
@Entity
@Table(name = "res_slow_account")
public class SlowAccount extends StringIdEntity {
    private String name;

    @Many(fields = "accountId")
    private List<SlowEntry> entries;

    public String getName() {
        return name;
    }

    public List<SlowEntry> getEntries() {
        return entries;
    }
}
