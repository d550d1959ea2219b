/**
 * The seed's example carried into Java: User and Configuration on a core datasource, audit events on a second
 * one, repositories, and a main that queries them with includes across both. Embedded H2 by default. With
 * {@code --serve}, the repositories and the query metrics are served over HTTP.
 */
module dev.ignis.examples {
    requires dev.ignis.engine;
    // MetricsModule: every query timed in the component's MeterRegistry (a Prometheus one here).
    requires dev.ignis.metrics;
    requires micrometer.registry.prometheus;
    // The HTTP surface: Jetty's core server (it reads org.eclipse.jetty.http/io/util transitively), Jackson for the
    // JSON answers.
    requires org.eclipse.jetty.server;
    requires com.fasterxml.jackson.databind;
    // Dagger wires the example (generated code in this module); it needs javax.inject at run time as well.
    requires dagger;
    requires jakarta.inject;
    requires javax.inject;
    // Hibernate's generated proxies for the models must be able to read Hibernate.
    requires static org.hibernate.orm.core;

    exports dev.ignis.examples;
    exports dev.ignis.examples.model;
    exports dev.ignis.examples.datasource;
    exports dev.ignis.examples.repository;
    exports dev.ignis.examples.http;

    // Hibernate maps the models reflectively; the engine fills their relation fields.
    opens dev.ignis.examples.model to org.hibernate.orm.core, dev.ignis.engine;
    // Flyway (flyway.core) reads the migration scripts with ClassLoader.getResourceAsStream: their folders are packages
    // of this module, encapsulated unless opened (it lists them from the jar, then "Unable to obtain inputstream").
    opens db.migration.CoreDataSource.h2;
    opens db.migration.CoreDataSource.postgres;
    opens db.migration.CoreDataSource.mariadb;
    opens db.migration.AuditDataSource.h2;
    opens db.migration.AuditDataSource.postgres;
    opens db.migration.AuditDataSource.mariadb;
}
