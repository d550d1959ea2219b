package dev.ignis.examples.repository;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.examples.model.AuditEvent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

@Singleton
public final class AuditEventRepository extends CrudRepository<AuditEvent, Long> {
    @Inject
    public AuditEventRepository(@Named("datasources.AuditDataSource") IDataSource auditDataSource) {
        super(auditDataSource, AuditEvent.class);
    }
}
