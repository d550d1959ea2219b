package dev.ignis.resilience.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.One;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A ledger entry of an account: an amount and a tag (who wrote it, for the soak test's invariants). */
@Model
@Entity
@Table(name = "res_entry")
public class Entry extends StringIdEntity {
    private String accountId;

    @Column(nullable = false)
    private long amount;

    @Column(length = 40)
    private String tag;

    @One(fields = "accountId")
    private Account account;

    public Entry() {
    }

    public Entry(String accountId, long amount, String tag) {
        this.accountId = accountId;
        this.amount = amount;
        this.tag = tag;
    }

    public String getAccountId() {
        return accountId;
    }

    public long getAmount() {
        return amount;
    }

    public String getTag() {
        return tag;
    }

    public Account getAccount() {
        return account;
    }
}
