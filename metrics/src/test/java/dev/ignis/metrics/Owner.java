package dev.ignis.metrics;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A test model on the "People" datasource. */
@Model
@Entity
@Table(name = "Owner")
public class Owner extends StringIdEntity {
    public String name;

    public Owner() {
    }

    public Owner(String id, String name) {
        this.id = id;
        this.name = name;
    }
}
