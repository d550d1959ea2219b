package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Map;

/** A model with a JSON column, for JSON path keys ({@code "meta.a.b"}) in where and order. */
@Model
@Entity
@Table(name = "cf_doc")
public class Doc extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String label;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> meta;

    public Doc() {
    }

    public Doc(String label, Map<String, Object> meta) {
        this.label = label;
        this.meta = meta;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public Map<String, Object> getMeta() {
        return meta;
    }

    public void setMeta(Map<String, Object> meta) {
        this.meta = meta;
    }

    @Override
    public String toString() {
        return "Doc{" + label + ", " + meta + "}";
    }
}
