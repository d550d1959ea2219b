package dev.ignis.conformance.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.ModelType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A VIEW model over {@code cf_person} (active people only). The engine never creates views: the fixture creates
 * {@code cf_person_view} with plain JDBC once the engine has created the tables.
 */
@Model(type = ModelType.VIEW)
@Entity
@Table(name = PersonView.VIEW)
public class PersonView {
    public static final String VIEW = "cf_person_view";

    @Id
    @Column(length = 64)
    private String id;

    @Column(length = 64)
    private String code;

    @Column(length = 100)
    private String name;

    private Integer age;

    public PersonView() {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    public Integer getAge() {
        return age;
    }

    public void setAge(Integer age) {
        this.age = age;
    }
}
