package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A row with a unique column, owned only by the quiet-logs contract's datasource (schema action UPDATE). */
@Model
@Entity
@Table(name = "cf_log_item")
public class LogItem extends StringIdEntity {
    @Column(nullable = false, unique = true, length = 40)
    private String code;

    public LogItem() {
    }

    public LogItem(String id, String code) {
        this.id = id;
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
