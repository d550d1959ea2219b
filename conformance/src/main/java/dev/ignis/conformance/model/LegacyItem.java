package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A model of a table created by plain unquoted DDL, outside the engine (datasources with quoting off). */
@Model
@Entity
@Table(name = "cf_legacy_item")
public class LegacyItem extends StringIdEntity {
    @Column(length = 100)
    private String itemName;

    private Integer qty;

    public LegacyItem() {
    }

    public LegacyItem(String id, String itemName, Integer qty) {
        this.id = id;
        this.itemName = itemName;
        this.qty = qty;
    }

    public String getItemName() {
        return itemName;
    }

    public Integer getQty() {
        return qty;
    }
}
