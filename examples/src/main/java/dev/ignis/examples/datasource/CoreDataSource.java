package dev.ignis.examples.datasource;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.examples.model.Configuration;
import dev.ignis.examples.model.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The seed's main datasource: users and configurations. */
@Singleton
public final class CoreDataSource extends BaseDataSource {
    public static final String NAME = "CoreDataSource";

    @Inject
    public CoreDataSource(ExampleSettings settings) {
        super(settings.core().config(NAME)
                // Migrations in this database's dialect: db/migration/CoreDataSource/<driver>/V1__init.sql, ...
                .schemaAction(SchemaAction.MIGRATE).migrationLocations("classpath:db/migration/" + NAME + "/" + settings.core().driver())
                .models(User.class, Configuration.class));
    }
}
