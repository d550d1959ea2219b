package com.example.shop.repository;

import com.example.shop.model.Customer;
import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.repository.CrudRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

@Singleton
public final class CustomerRepository extends CrudRepository<Customer, String> {
    @Inject
    public CustomerRepository(@Named("datasources.CrmDataSource") IDataSource crm) {
        super(crm, Customer.class);
    }
}
