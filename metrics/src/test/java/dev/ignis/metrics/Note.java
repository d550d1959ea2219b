package dev.ignis.metrics;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.One;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A test model on the "Notes" datasource whose owner lives on "People": including it crosses datasources. */
@Model
@Entity
@Table(name = "Note")
public class Note extends StringIdEntity {
    public String body;
    public String ownerId;

    @One(fields = "ownerId")
    public Owner owner;

    public Note() {
    }

    public Note(String id, String body, String ownerId) {
        this.id = id;
        this.body = body;
        this.ownerId = ownerId;
    }
}
