package dev.ignis.engine.defaults;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.One;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Projects are visible only while their owner (on another datasource) is active. */
@Model(defaultFilter = "{\"where\":{\"owner.active\":true}}")
@Entity
@Table(name = "df_project")
public class Project extends StringIdEntity {
    public String name;
    public String ownerId;

    @One(fields = "ownerId")
    public Owner owner;

    public Project() {
    }

    public Project(String id, String name, String ownerId) {
        this.id = id;
        this.name = name;
        this.ownerId = ownerId;
    }
}
