package dev.ignis.resilience.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A model of its own for one datasource of the failed-start tests (an engine's datasources own distinct models). */
@Model
@Entity
@Table(name = "res_start_label")
public class StartLabel extends StringIdEntity {
    private String name;

    public StartLabel() {
    }

    public String getName() {
        return name;
    }
}
