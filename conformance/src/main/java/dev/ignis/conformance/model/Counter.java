package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.NumberIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A model with a database-generated identity id and a model-level default limit of 5 rows. */
@Model(defaultLimit = Counter.DEFAULT_LIMIT)
@Entity
@Table(name = "cf_counter")
public class Counter extends NumberIdEntity {
    public static final int DEFAULT_LIMIT = 5;

    @Column(nullable = false, length = 64)
    private String label;

    private Long amount;

    public Counter() {
    }

    public Counter(String label, Long amount) {
        this.label = label;
        this.amount = amount;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public Long getAmount() {
        return amount;
    }

    public void setAmount(Long amount) {
        this.amount = amount;
    }

    @Override
    public String toString() {
        return "Counter{" + id + ", " + label + "}";
    }
}
