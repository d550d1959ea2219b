/**
 * The Ignis conformance suite: one set of repository, filter, enricher and transaction contracts (JUnit 5 test
 * interfaces) and the models and fixtures they run on. Every driver module runs it against its database by
 * extending {@link dev.ignis.conformance.ConformanceTestBase} and implementing the contracts.
 */
module dev.ignis.conformance {
    requires transitive dev.ignis.engine;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;
    requires transitive java.sql;
    // The streaming volume contract reports the peak heap of its run.
    requires java.management;
    // @JdbcTypeCode on the JSON test model; hibernate-core is present wherever models run.
    requires static org.hibernate.orm.core;

    exports dev.ignis.conformance;
    exports dev.ignis.conformance.model;
    exports dev.ignis.conformance.migration;

    // Testcontainers for a laptop without local servers: the non-modular ignis-conformance-containers implements it
    // (Testcontainers cannot sit on the module path); DatabaseTarget finds it with ServiceLoader, absent is fine.
    uses dev.ignis.conformance.ContainerProvider;

    // Hibernate reads and instantiates the test models; the engine sets enricher embeddables in them.
    opens dev.ignis.conformance.model to org.hibernate.orm.core, dev.ignis.engine;
    opens dev.ignis.conformance.migration to org.hibernate.orm.core, dev.ignis.engine, org.junit.platform.commons;
    // Flyway finds the migration scripts with ClassLoader.getResources: a resource folder whose path is a valid package
    // name is encapsulated in a named module unless its package is opened (for the module path; tests use the class path).
    opens db.migration.MigBooks;
    opens db.migration.mig.base;
    opens db.migration.mig.pages;
    opens db.migration.mig.broken;
    // JUnit discovers and invokes the contracts' default test methods reflectively.
    opens dev.ignis.conformance to org.junit.platform.commons;
}
