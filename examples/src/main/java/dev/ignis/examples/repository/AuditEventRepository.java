package dev.ignis.examples.repository;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.examples.model.AuditEvent;

public final class AuditEventRepository extends CrudRepository<AuditEvent, Long> {
    public AuditEventRepository(IDataSource auditDataSource) {
        super(auditDataSource, AuditEvent.class);
    }
}
