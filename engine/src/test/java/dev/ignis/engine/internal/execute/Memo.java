package dev.ignis.engine.internal.execute;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A model with a LOB column: its reads need a Hibernate session, so a plain findById of it keeps one. */
@Model
@Entity
@Table(name = "Memo")
public class Memo extends StringIdEntity {
    public String title;
    @Lob
    public String body;

    public Memo() {
    }

    public Memo(String id, String title, String body) {
        this.id = id;
        this.title = title;
        this.body = body;
    }
}
