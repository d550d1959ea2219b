package dev.ignis.api.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Map;

/**
 * Data-type enricher: a typed value slot. {@code dataType} says which of {@code nValue} (number),
 * {@code tValue} (text), {@code bValue} (bytes), {@code jValue} (JSON) or {@code boValue} (boolean) holds it.
 */
@Embeddable
public class DataTypeColumns {
    @Column(name = "data_type", length = 32)
    private String dataType;

    @Column(name = "n_value")
    private Double nValue;

    @Column(name = "t_value", length = 4000)
    private String tValue;

    @Column(name = "b_value")
    private byte[] bValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "j_value")
    private Map<String, Object> jValue;

    @Column(name = "bo_value")
    private Boolean boValue;

    public String getDataType() {
        return dataType;
    }

    public void setDataType(String dataType) {
        this.dataType = dataType;
    }

    public Double getNValue() {
        return nValue;
    }

    public void setNValue(Double nValue) {
        this.nValue = nValue;
    }

    public String getTValue() {
        return tValue;
    }

    public void setTValue(String tValue) {
        this.tValue = tValue;
    }

    public byte[] getBValue() {
        return bValue;
    }

    public void setBValue(byte[] bValue) {
        this.bValue = bValue;
    }

    public Map<String, Object> getJValue() {
        return jValue;
    }

    public void setJValue(Map<String, Object> jValue) {
        this.jValue = jValue;
    }

    public Boolean getBoValue() {
        return boValue;
    }

    public void setBoValue(Boolean boValue) {
        this.boValue = boValue;
    }
}
