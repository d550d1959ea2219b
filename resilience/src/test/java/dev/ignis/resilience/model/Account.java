package dev.ignis.resilience.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import dev.ignis.api.relation.One;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** An account: a unique name, a balance, a kind and a status; belongs to a branch, has entries. */
@Model
@Entity
@Table(name = "res_account")
public class Account extends StringIdEntity {
    @Column(nullable = false, unique = true, length = 100)
    private String name;

    private String branchId;

    @Column(nullable = false)
    private long balance;

    @Column(length = 20)
    private String kind;

    @Column(length = 20)
    private String status;

    @One(fields = "branchId")
    private Branch branch;

    @Many(fields = "accountId")
    private List<Entry> entries;

    public Account() {
    }

    public Account(String name, String branchId, long balance) {
        this.name = name;
        this.branchId = branchId;
        this.balance = balance;
        this.kind = "plain";
        this.status = "open";
    }

    public Account kind(String kind) {
        this.kind = kind;
        return this;
    }

    public String getName() {
        return name;
    }

    public String getBranchId() {
        return branchId;
    }

    public long getBalance() {
        return balance;
    }

    public String getKind() {
        return kind;
    }

    public String getStatus() {
        return status;
    }

    public Branch getBranch() {
        return branch;
    }

    public List<Entry> getEntries() {
        return entries;
    }

    @Override
    public String toString() {
        return "Account{" + name + ", balance=" + balance + ", status=" + status + "}";
    }
}
