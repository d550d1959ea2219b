package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A model with an array column, for the array operators (PostgreSQL) or their rejection (other drivers). */
@Model
@Entity
@Table(name = "cf_tagged")
public class Tagged extends StringIdEntity {
    @Column(nullable = false, length = 64)
    private String label;

    private String[] tags;

    /** Element types beside text, for the array operators' element typing (PostgreSQL alters their columns' types). */
    private Integer[] ranks;

    private Long[] sizes;

    private java.util.UUID[] refs;

    @Column(precision = 12, scale = 2)
    private java.math.BigDecimal[] amounts;

    public Tagged() {
    }

    public Tagged(String label, String... tags) {
        this.label = label;
        this.tags = tags;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String[] getTags() {
        return tags;
    }

    public void setTags(String[] tags) {
        this.tags = tags;
    }

    public Integer[] getRanks() {
        return ranks;
    }

    public void setRanks(Integer[] ranks) {
        this.ranks = ranks;
    }

    public Long[] getSizes() {
        return sizes;
    }

    public void setSizes(Long[] sizes) {
        this.sizes = sizes;
    }

    public java.util.UUID[] getRefs() {
        return refs;
    }

    public void setRefs(java.util.UUID[] refs) {
        this.refs = refs;
    }

    public java.math.BigDecimal[] getAmounts() {
        return amounts;
    }

    public void setAmounts(java.math.BigDecimal[] amounts) {
        this.amounts = amounts;
    }
}
