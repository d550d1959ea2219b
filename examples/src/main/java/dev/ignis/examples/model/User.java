package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.model.UserColumns;
import dev.ignis.api.relation.Many;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** The seed's User: a string id (UUID by default), timestamps and the extra user columns. */
@Model
@Entity
@Table(name = "User")
public class User extends StringIdEntity {
    @Embedded
    private TzColumns tz = new TzColumns();

    @Embedded
    private UserColumns user = new UserColumns();

    private String name;

    @Many(fields = "createdBy")
    private List<Configuration> configurations;

    public User() {
    }

    public User(String name, String realm) {
        this.name = name;
        this.user.setRealm(realm);
        this.user.setStatus("ACTIVATED");
    }

    public String getName() {
        return name;
    }

    public TzColumns getTz() {
        return tz;
    }

    public UserColumns getUser() {
        return user;
    }

    public List<Configuration> getConfigurations() {
        return configurations;
    }

    @Override
    public String toString() {
        return "User{" + name + ", realm=" + user.getRealm() + "}";
    }
}
