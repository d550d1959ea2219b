package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A model with an array column, for the array operators (PostgreSQL) or their rejection (other drivers). */
@Model
@Entity
@Table(name = "cf_tagged")
public class Tagged extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String label;

    private String[] tags;

    public Tagged() {
    }

    public Tagged(String label, String... tags) {
        this.label = label;
        this.tags = tags;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String[] getTags() {
        return tags;
    }

    public void setTags(String[] tags) {
        this.tags = tags;
    }
}
