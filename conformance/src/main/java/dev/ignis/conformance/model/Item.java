package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.relation.Many;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** The upsert and streaming model: a unique code, a version the writers bump, timestamps, tags. */
@Model
@Entity
@Table(name = "cf_item")
public class Item extends StringIdEntity {
    @Embedded
    private TzColumns tz;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false, length = 100)
    private String name;

    private Integer version;

    @Many(fields = "itemId")
    private List<ItemTag> tags;

    public Item() {
    }

    public Item(String id, String code, String name, Integer version) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.version = version;
    }

    public Instant getCreatedAt() {
        return tz == null ? null : tz.getCreatedAt();
    }

    public Instant getModifiedAt() {
        return tz == null ? null : tz.getModifiedAt();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public List<ItemTag> getTags() {
        return tags;
    }

    @Override
    public String toString() {
        return "Item{" + id + ", " + code + ", " + name + ", v" + version + "}";
    }
}
