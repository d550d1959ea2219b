package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import dev.ignis.api.relation.One;
import dev.ignis.api.relation.Through;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The hostile-input suite's model (fuzzing and SQL injection): every scalar kind, a JSON column, a hidden property,
 * and relations that make include cycles possible: to its parent and children (itself), over a junction to linked
 * nodes (itself), and to an {@link HzAux} on the second datasource, which points back.
 */
@Model(hiddenProperties = "token")
@Entity
@Table(name = "cf_hz_node")
public class HzNode extends StringIdEntity {
    @Column(nullable = false, length = 200)
    private String label;

    @Column(length = 64)
    private String parentId;

    @Column(length = 64)
    private String auxId;

    private Integer rank;

    @Column(precision = 12, scale = 3)
    private BigDecimal weight;

    private Boolean flag;

    private Instant seenAt;

    private LocalDate day;

    @Column(length = 100)
    private String token;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> meta;

    @One(fields = "parentId")
    private HzNode parent;

    @Many(fields = "parentId")
    private List<HzNode> children;

    @One(fields = "auxId")
    private HzAux aux;

    @Many(through = @Through(model = HzLink.class, sourceFields = "fromId", targetFields = "toId"))
    private List<HzNode> linked;

    public HzNode() {
    }

    public HzNode(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public HzNode parentId(String value) {
        this.parentId = value;
        return this;
    }

    public HzNode auxId(String value) {
        this.auxId = value;
        return this;
    }

    public HzNode rank(Integer value) {
        this.rank = value;
        return this;
    }

    public HzNode weight(String value) {
        this.weight = value == null ? null : new BigDecimal(value);
        return this;
    }

    public HzNode flag(Boolean value) {
        this.flag = value;
        return this;
    }

    public HzNode seenAt(String isoInstant) {
        this.seenAt = isoInstant == null ? null : Instant.parse(isoInstant);
        return this;
    }

    public HzNode day(String isoDate) {
        this.day = isoDate == null ? null : LocalDate.parse(isoDate);
        return this;
    }

    public HzNode token(String value) {
        this.token = value;
        return this;
    }

    public HzNode meta(Map<String, Object> value) {
        this.meta = value;
        return this;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getParentId() {
        return parentId;
    }

    public String getAuxId() {
        return auxId;
    }

    public Integer getRank() {
        return rank;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public Boolean getFlag() {
        return flag;
    }

    public Instant getSeenAt() {
        return seenAt;
    }

    public LocalDate getDay() {
        return day;
    }

    public String getToken() {
        return token;
    }

    public Map<String, Object> getMeta() {
        return meta;
    }

    public HzNode getParent() {
        return parent;
    }

    public List<HzNode> getChildren() {
        return children;
    }

    public HzAux getAux() {
        return aux;
    }

    public List<HzNode> getLinked() {
        return linked;
    }

    @Override
    public String toString() {
        return "HzNode{" + id + ", " + label + "}";
    }
}
