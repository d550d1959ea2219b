package com.example.shop.repository;

import com.example.shop.model.Order;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.repository.CrudRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

@Singleton
public final class OrderRepository extends CrudRepository<Order, Long> {
    @Inject
    public OrderRepository(@Named("datasources.SalesDataSource") IDataSource sales) {
        super(sales, Order.class);
    }
}
