package dev.ignis.api.model;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** Id enricher: a string primary key, filled by the model's {@link IdGenerator} (UUID by default) when empty. */
@MappedSuperclass
public abstract class StringIdEntity {
    @Id
    @Column(name = "id", nullable = false, length = 64)
    protected String id;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
