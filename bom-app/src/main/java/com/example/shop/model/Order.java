package com.example.shop.model;

import dev.ignis.api.model.BigNumberIdEntity;
import dev.ignis.api.model.Model;
import dev.ignis.api.relation.One;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** An order on the sales datasource; its customer lives on the CRM datasource. */
@Model
@Entity
@Table(name = "ShopOrder")
public class Order extends BigNumberIdEntity {
    private String customerId;

    private BigDecimal total;

    @One(fields = "customerId")
    private Customer customer;

    public Order() {
    }

    public Order(String customerId, BigDecimal total) {
        this.customerId = customerId;
        this.total = total;
    }

    public String getCustomerId() {
        return customerId;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Customer getCustomer() {
        return customer;
    }
}
