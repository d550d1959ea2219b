package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** Owned by the hostile-input suite's second datasource; its {@code nodes} relation crosses back to {@link HzNode}. */
@Model
@Entity
@Table(name = "cf_hz_aux")
public class HzAux extends StringIdEntity {
    @Column(nullable = false, length = 200)
    private String name;

    @Many(fields = "auxId")
    private List<HzNode> nodes;

    public HzAux() {
    }

    public HzAux(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public List<HzNode> getNodes() {
        return nodes;
    }

    @Override
    public String toString() {
        return "HzAux{" + id + ", " + name + "}";
    }
}
