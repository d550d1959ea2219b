package dev.ignis.benchmarks.hibernate;

import dev.ignis.api.model.TzColumns;
import dev.ignis.api.model.UserColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The plain-Hibernate contender's view of the same {@code User} table. */
@Entity(name = "HUser")
@Table(name = "User")
public class HUser {
    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Embedded
    private TzColumns tz;

    @Embedded
    private UserColumns user;

    @Column(name = "name")
    private String name;

    public String getId() {
        return id;
    }

    public TzColumns getTz() {
        return tz;
    }

    public UserColumns getUser() {
        return user;
    }

    public String getName() {
        return name;
    }
}
