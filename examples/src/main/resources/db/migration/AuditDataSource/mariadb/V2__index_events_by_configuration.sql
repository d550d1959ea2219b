-- Audit events are read by configuration (the include from Configuration.events).
create index `audit_event_configuration` on `AuditEvent` (`configuration_id`);
