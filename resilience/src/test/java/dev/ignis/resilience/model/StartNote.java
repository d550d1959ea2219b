package dev.ignis.resilience.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A model of its own for one datasource of the failed-start tests (an engine's datasources own distinct models). */
@Model
@Entity
@Table(name = "res_start_note")
public class StartNote extends StringIdEntity {
    private String name;

    public StartNote() {
    }

    public String getName() {
        return name;
    }
}
