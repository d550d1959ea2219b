package dev.ignis.examples.model;

import dev.ignis.api.model.BigNumberIdEntity;
import dev.ignis.api.model.Model;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.relation.One;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** What happened to a configuration, kept on a separate audit datasource and pointing back at the core one. */
@Model(defaultFilter = "{\"order\": [\"id DESC\"]}")
@Entity
@Table(name = "AuditEvent")
public class AuditEvent extends BigNumberIdEntity {
    @Embedded
    private TzColumns tz = new TzColumns();

    private String action;

    private String configurationId;

    private String actorId;

    @One(fields = "configurationId")
    private Configuration configuration;

    @One(fields = "actorId")
    private User actor;

    public AuditEvent() {
    }

    public AuditEvent(String action, String configurationId, String actorId) {
        this.action = action;
        this.configurationId = configurationId;
        this.actorId = actorId;
    }

    public String getAction() {
        return action;
    }

    public String getConfigurationId() {
        return configurationId;
    }

    public String getActorId() {
        return actorId;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    public User getActor() {
        return actor;
    }
}
