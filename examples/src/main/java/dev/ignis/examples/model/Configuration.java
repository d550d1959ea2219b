package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.relation.Many;
import dev.ignis.api.relation.One;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** The seed's Configuration, created and modified by a user; relations named like the seed's keys. */
@Model
@Entity
@Table(name = "Configuration")
public class Configuration extends StringIdEntity {
    @Embedded
    private TzColumns tz = new TzColumns();

    @Column(nullable = false, unique = true)
    private String code;

    private String group;

    private String createdBy;

    private String modifiedBy;

    @One(fields = "createdBy", references = "id")
    private User creator;

    @One(fields = "modifiedBy", references = "id")
    private User modifier;

    /** Audit events live on another datasource; including them crosses it. */
    @Many(fields = "configurationId")
    private List<AuditEvent> events;

    public Configuration() {
    }

    public Configuration(String code, String group, String createdBy) {
        this.code = code;
        this.group = group;
        this.createdBy = createdBy;
        this.modifiedBy = createdBy;
    }

    public String getCode() {
        return code;
    }

    public String getGroup() {
        return group;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getModifiedBy() {
        return modifiedBy;
    }

    public User getCreator() {
        return creator;
    }

    public User getModifier() {
        return modifier;
    }

    public List<AuditEvent> getEvents() {
        return events;
    }
}
