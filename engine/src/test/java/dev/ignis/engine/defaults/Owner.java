package dev.ignis.engine.defaults;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Model
@Entity
@Table(name = "df_owner")
public class Owner extends StringIdEntity {
    public String name;
    public Boolean active;

    public Owner() {
    }

    public Owner(String id, String name, boolean active) {
        this.id = id;
        this.name = name;
        this.active = active;
    }
}
