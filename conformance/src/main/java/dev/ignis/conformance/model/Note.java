package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A model with a default filter: soft-deleted notes are invisible unless the caller says otherwise. */
@Model(defaultFilter = "{\"where\":{\"deleted\":false},\"order\":[\"title ASC\"]}")
@Entity
@Table(name = "cf_note")
public class Note extends StringIdEntity {
    @Column(nullable = false, length = 100)
    private String title;

    @Column(nullable = false)
    private Boolean deleted;

    public Note() {
    }

    public Note(String title, boolean deleted) {
        this.title = title;
        this.deleted = deleted;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Boolean getDeleted() {
        return deleted;
    }

    public void setDeleted(Boolean deleted) {
        this.deleted = deleted;
    }

    @Override
    public String toString() {
        return "Note{" + title + (Boolean.TRUE.equals(deleted) ? ", deleted" : "") + "}";
    }
}
