package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** A category shared by all tenants (no tenant, no soft delete): includes into tenant rows and back. */
@Model
@Entity
@Table(name = "cf_sc_category")
public class ScCategory extends StringIdEntity {
    @Column(length = 100)
    private String name;

    @Many(fields = "categoryId")
    private List<ScProject> projects;

    public ScCategory() {
    }

    public ScCategory(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<ScProject> getProjects() {
        return projects;
    }

    @Override
    public String toString() {
        return "ScCategory{" + id + "}";
    }
}
