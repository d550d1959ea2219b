package dev.ignis.benchmarks.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.model.UserColumns;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The examples' User (string id, timestamps, the extra user columns, a name), with setters for the JDBC contender. */
@Model
@Entity
@Table(name = "User")
public class User extends StringIdEntity {
    @Embedded
    private TzColumns tz = new TzColumns();

    @Embedded
    private UserColumns user = new UserColumns();

    private String name;

    public User() {
    }

    public TzColumns getTz() {
        return tz;
    }

    public void setTz(TzColumns tz) {
        this.tz = tz;
    }

    public UserColumns getUser() {
        return user;
    }

    public void setUser(UserColumns user) {
        this.user = user;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
