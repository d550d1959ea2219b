package dev.ignis.resilience.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.ModelType;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.One;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A read-only, slow view over entries (see {@link SlowAccount}); its account is on the other datasource. */
@Model(type = ModelType.VIEW)
@Entity
@Table(name = "res_slow_entry")
public class SlowEntry extends StringIdEntity {
    private String accountId;

    private long amount;

    @One(fields = "accountId")
    private SlowAccount account;

    public String getAccountId() {
        return accountId;
    }

    public long getAmount() {
        return amount;
    }

    public SlowAccount getAccount() {
        return account;
    }
}
