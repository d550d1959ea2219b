package com.example.shop.datasource;

import com.example.shop.model.Order;
import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

@Singleton
public final class SalesDataSource extends BaseDataSource {
    @Inject
    public SalesDataSource() {
        super(DataSourceConfig.named("SalesDataSource").driver("h2").url("jdbc:h2:mem:sales;DB_CLOSE_DELAY=-1")
                .schemaAction(SchemaAction.UPDATE)
                .models(Order.class));
    }
}
