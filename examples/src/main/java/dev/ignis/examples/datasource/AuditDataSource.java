package dev.ignis.examples.datasource;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.examples.model.AuditEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** A second database holding audit events that point at the core datasource's rows. */
@Singleton
public final class AuditDataSource extends BaseDataSource {
    public static final String NAME = "AuditDataSource";

    @Inject
    public AuditDataSource(ExampleSettings settings) {
        super(settings.audit().config(NAME)
                // Migrations in this database's dialect: db/migration/AuditDataSource/<driver>/V1__init.sql, ...
                .schemaAction(SchemaAction.MIGRATE).migrationLocations("classpath:db/migration/" + NAME + "/" + settings.audit().driver())
                .models(AuditEvent.class));
    }
}
