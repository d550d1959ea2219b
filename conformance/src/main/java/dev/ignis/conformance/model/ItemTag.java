package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A tag of an {@link Item}: the child rows streaming includes in chunks. */
@Model
@Entity
@Table(name = "cf_item_tag")
public class ItemTag extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String itemId;

    @Column(nullable = false, length = 64)
    private String label;

    public ItemTag() {
    }

    public ItemTag(String id, String itemId, String label) {
        this.id = id;
        this.itemId = itemId;
        this.label = label;
    }

    public String getItemId() {
        return itemId;
    }

    public String getLabel() {
        return label;
    }
}
