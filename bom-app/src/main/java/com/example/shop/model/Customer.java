package com.example.shop.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.model.TzColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Model
@Entity
@Table(name = "Customer")
public class Customer extends StringIdEntity {
    @Embedded
    private TzColumns tz = new TzColumns();

    @Column(nullable = false, unique = true)
    private String email;

    private String name;

    public Customer() {
    }

    public Customer(String email, String name) {
        this.email = email;
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }
}
