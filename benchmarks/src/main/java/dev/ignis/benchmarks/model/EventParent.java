package dev.ignis.benchmarks.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** The per-parent scenario's parent: a name and its events. */
@Model
@Entity
@Table(name = "pp_parent")
public class EventParent extends StringIdEntity {
    private String name;

    @Many(fields = "parentId")
    private List<Event> events = new ArrayList<>();

    public EventParent() {
    }

    public EventParent(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public List<Event> getEvents() {
        return events;
    }
}
