package com.example.shop.datasource;

import com.example.shop.model.Customer;
import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

@Singleton
public final class CrmDataSource extends BaseDataSource {
    @Inject
    public CrmDataSource() {
        super(DataSourceConfig.named("CrmDataSource").driver("h2").url("jdbc:h2:mem:crm;DB_CLOSE_DELAY=-1")
                .schemaAction(SchemaAction.UPDATE)
                .models(Customer.class));
    }
}
