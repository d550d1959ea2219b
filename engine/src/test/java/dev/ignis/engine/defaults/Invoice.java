package dev.ignis.engine.defaults;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.One;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;


@Model
@Entity
@Table(name = "df_invoice")
public class Invoice extends StringIdEntity {
    public String number;
    public String projectId;
    public String clientId;

    @One(fields = "projectId")
    public Project project;

    @One(fields = "clientId")
    public Client client;

    public Invoice() {
    }

    public Invoice(String id, String number, String projectId, String clientId) {
        this.id = id;
        this.number = number;
        this.projectId = projectId;
        this.clientId = clientId;
    }
}
