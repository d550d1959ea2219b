package com.example.shop;

import com.example.shop.repository.CustomerRepository;
import com.example.shop.repository.OrderRepository;
import dagger.BindsInstance;
import dagger.Component;
import dev.ignis.engine.IgnisApplication;
import dev.ignis.engine.dagger.IgnisModule;
import dev.ignis.metrics.dagger.MetricsModule;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

@Singleton
@Component(modules = {IgnisModule.class, MetricsModule.class, ShopModule.class})
interface ShopComponent {
    IgnisApplication app();

    CustomerRepository customers();

    OrderRepository orders();

    @Component.Factory
    interface Factory {
        ShopComponent create(@BindsInstance MeterRegistry registry);
    }
}
