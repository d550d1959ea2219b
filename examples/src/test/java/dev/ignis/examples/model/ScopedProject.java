package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.relation.Many;
import dev.ignis.api.relation.One;
import dev.ignis.api.relation.Through;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** A tenant's project (PostgreSQL): its owner on MariaDB, its notes and tags (with their junction) on H2. */
@Model(softDelete = true, tenant = "tenantId")
@Entity
@Table(name = "ScopedProject")
public class ScopedProject extends ScopedEntity {
    public String name;
    public String ownerId;

    @One(fields = "ownerId")
    public ScopedOwner owner;

    @Many(fields = "projectId")
    public List<ScopedNote> notes;

    @Many(through = @Through(model = ScopedProjectTag.class, sourceFields = "projectId", targetFields = "tagId"))
    public List<ScopedTag> tags;

    public ScopedProject() {
    }

    public ScopedProject(String id, String name, String ownerId) {
        this.id = id;
        this.name = name;
        this.ownerId = ownerId;
    }
}
