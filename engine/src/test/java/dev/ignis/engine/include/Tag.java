package dev.ignis.engine.include;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Model
@Entity
@Table(name = "Tag")
public class Tag extends StringIdEntity {
    public String label;

    public Tag() {
    }

    public Tag(String id, String label) {
        this.id = id;
        this.label = label;
    }
}
