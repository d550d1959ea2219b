package dev.ignis.engine.defaults;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Model
@Entity
@Table(name = "df_client")
public class Client extends StringIdEntity {
    public String region;

    public Client() {
    }

    public Client(String id, String region) {
        this.id = id;
        this.region = region;
    }
}
