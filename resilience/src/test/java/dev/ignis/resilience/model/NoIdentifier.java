package dev.ignis.resilience.model;

import dev.ignis.api.model.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A model Hibernate refuses at start: it has no identifier. */
@Model
@Entity
@Table(name = "res_no_identifier")
public class NoIdentifier {
    private String name;

    public String getName() {
        return name;
    }
}
