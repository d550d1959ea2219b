package dev.ignis.engine.smoke;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.model.UserAuditColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Model(hiddenProperties = "secret")
@Entity
@Table(name = "Item")
public class Item extends StringIdEntity {
    @Embedded
    TzColumns tz;
    @Embedded
    UserAuditColumns audit;
    @Column(unique = true, nullable = false)
    String code;
    String group;
    Integer qty;
    String secret;

    public Item() {
    }

    public Item(String code, String group, Integer qty) {
        this.code = code;
        this.group = group;
        this.qty = qty;
    }

    public String getCode() {
        return code;
    }

    public String getGroup() {
        return group;
    }

    public Integer getQty() {
        return qty;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public TzColumns getTz() {
        return tz;
    }

    public UserAuditColumns getAudit() {
        return audit;
    }
}
