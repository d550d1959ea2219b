package dev.ignis.resilience.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** A branch owning accounts; the parent side of to-many includes in these tests. */
@Model
@Entity
@Table(name = "res_branch")
public class Branch extends StringIdEntity {
    private String name;

    @Many(fields = "branchId")
    private List<Account> accounts;

    public Branch() {
    }

    public Branch(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public List<Account> getAccounts() {
        return accounts;
    }
}
