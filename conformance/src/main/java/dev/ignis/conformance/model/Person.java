package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.TzColumns;
import dev.ignis.api.model.UserAuditColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The main test model: every scalar kind, the timestamp and user-audit enrichers, a unique code and a hidden property. */
@Model(hiddenProperties = "secret")
@Entity
@Table(name = "cf_person")
public class Person extends StringIdEntity {
    @Embedded
    private TzColumns tz;

    @Embedded
    private UserAuditColumns audit;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    private Integer age;

    @Column(precision = 10, scale = 2)
    private BigDecimal score;

    private Boolean active;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private PersonStatus status;

    private LocalDate birthDate;

    private Instant lastSeen;

    @Column(length = 100)
    private String secret;

    public Person() {
    }

    public Person(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public static Person of(String code, String name) {
        return new Person(code, name);
    }

    public Person age(Integer value) {
        this.age = value;
        return this;
    }

    public Person score(String value) {
        this.score = value == null ? null : new BigDecimal(value);
        return this;
    }

    public Person active(Boolean value) {
        this.active = value;
        return this;
    }

    public Person status(PersonStatus value) {
        this.status = value;
        return this;
    }

    public Person birthDate(String isoDate) {
        this.birthDate = isoDate == null ? null : LocalDate.parse(isoDate);
        return this;
    }

    public Person lastSeen(String isoInstant) {
        this.lastSeen = isoInstant == null ? null : Instant.parse(isoInstant);
        return this;
    }

    public Person secret(String value) {
        this.secret = value;
        return this;
    }

    public Person id(String value) {
        this.id = value;
        return this;
    }

    public Instant getCreatedAt() {
        return tz == null ? null : tz.getCreatedAt();
    }

    public Instant getModifiedAt() {
        return tz == null ? null : tz.getModifiedAt();
    }

    public String getCreatedBy() {
        return audit == null ? null : audit.getCreatedBy();
    }

    public String getModifiedBy() {
        return audit == null ? null : audit.getModifiedBy();
    }

    public TzColumns getTz() {
        return tz;
    }

    public void setTz(TzColumns tz) {
        this.tz = tz;
    }

    public UserAuditColumns getAudit() {
        return audit;
    }

    public void setAudit(UserAuditColumns audit) {
        this.audit = audit;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Integer getAge() {
        return age;
    }

    public void setAge(Integer age) {
        this.age = age;
    }

    public BigDecimal getScore() {
        return score;
    }

    public void setScore(BigDecimal score) {
        this.score = score;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }

    public PersonStatus getStatus() {
        return status;
    }

    public void setStatus(PersonStatus status) {
        this.status = status;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public void setLastSeen(Instant lastSeen) {
        this.lastSeen = lastSeen;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    @Override
    public String toString() {
        return "Person{" + id + ", code=" + code + ", name=" + name + ", age=" + age + "}";
    }
}
