package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A narrow row streamed by the million (filled with the database's own series function). */
@Model
@Entity
@Table(name = "cf_reading")
public class Reading {
    @Id
    private Long id;

    private Long amount;

    public Reading() {
    }

    public Long getId() {
        return id;
    }

    public Long getAmount() {
        return amount;
    }
}
