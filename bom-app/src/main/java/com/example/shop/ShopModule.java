package com.example.shop;

import com.example.shop.datasource.CrmDataSource;
import com.example.shop.datasource.SalesDataSource;
import com.example.shop.repository.CustomerRepository;
import com.example.shop.repository.OrderRepository;
import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import dev.ignis.api.datasource.IDataSource;
import jakarta.inject.Named;

/** Datasources under "datasources.X" (in the engine's map and by name for repositories), repositories under "repositories.Y". */
@Module
abstract class ShopModule {
    private ShopModule() {
    }

    @Binds
    @IntoMap
    @StringKey("datasources.CrmDataSource")
    abstract IDataSource crmEntry(CrmDataSource dataSource);

    @Binds
    @Named("datasources.CrmDataSource")
    abstract IDataSource crm(CrmDataSource dataSource);

    @Binds
    @IntoMap
    @StringKey("datasources.SalesDataSource")
    abstract IDataSource salesEntry(SalesDataSource dataSource);

    @Binds
    @Named("datasources.SalesDataSource")
    abstract IDataSource sales(SalesDataSource dataSource);

    @Binds
    @IntoMap
    @StringKey("repositories.CustomerRepository")
    abstract Object customers(CustomerRepository repository);

    @Binds
    @IntoMap
    @StringKey("repositories.OrderRepository")
    abstract Object orders(OrderRepository repository);
}
