package dev.ignis.benchmarks.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.relation.One;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * The examples' Configuration (same columns, same relations {@code creator}/{@code modifier}) with an index on
 * {@code group}, the column scenario 1 filters on, and setters so the hand-written JDBC contender can fill it.
 * Every contender except plain Hibernate returns instances of this class.
 */
@Model
@Entity
@Table(name = "Configuration", indexes = @Index(name = "ix_configuration_group", columnList = "group"))
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

    public Configuration() {
    }

    public Configuration(String code, String group, String createdBy) {
        this.code = code;
        this.group = group;
        this.createdBy = createdBy;
        this.modifiedBy = createdBy;
    }

    public TzColumns getTz() {
        return tz;
    }

    public void setTz(TzColumns tz) {
        this.tz = tz;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public String getModifiedBy() {
        return modifiedBy;
    }

    public void setModifiedBy(String modifiedBy) {
        this.modifiedBy = modifiedBy;
    }

    public User getCreator() {
        return creator;
    }

    public void setCreator(User creator) {
        this.creator = creator;
    }

    public User getModifier() {
        return modifier;
    }

    public void setModifier(User modifier) {
        this.modifier = modifier;
    }
}
