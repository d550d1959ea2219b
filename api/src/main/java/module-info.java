/**
 * Ignis API: what applications touch (models, datasources, repositories, filters, relations, errors) and the
 * driver SPI. Depends on no other Ignis module.
 */
module dev.ignis.api {
    requires transitive jakarta.persistence;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    // Only for @JdbcTypeCode on the data-type enricher's JSON column; hibernate-core is present wherever models run.
    requires static org.hibernate.orm.core;

    exports dev.ignis.api.model;
    exports dev.ignis.api.datasource;
    exports dev.ignis.api.repository;
    exports dev.ignis.api.filter;
    exports dev.ignis.api.relation;
    exports dev.ignis.api.error;
    exports dev.ignis.api.spi;
    // What binds a started datasource and its repositories to the engine: no application's business, kept apart from
    // the driver SPI, and visible to the engine alone.
    exports dev.ignis.api.runtime to dev.ignis.engine;

    // The enrichers are mapped superclasses and embeddables that Hibernate reads and instantiates reflectively;
    // the engine fills them on reads through method handles, as it does the models in applications' packages.
    opens dev.ignis.api.model to org.hibernate.orm.core, dev.ignis.engine;
}
