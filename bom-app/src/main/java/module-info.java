/**
 * A small application built on Ignis with ignis-bom as its only version source: customers on one datasource,
 * orders on another, wired by Dagger with IgnisModule and MetricsModule, started on the module path.
 */
module com.example.shop {
    requires dev.ignis.engine;                 // Engine, IgnisApplication, and transitively the api and JPA
    requires dev.ignis.metrics;                // MetricsModule
    requires micrometer.registry.prometheus;   // the application's MeterRegistry
    requires dagger;
    requires jakarta.inject;
    requires static org.hibernate.orm.core;    // read edge for Hibernate's generated proxies

    // Hibernate maps and instantiates the models; the engine fills their relation fields.
    opens com.example.shop.model to org.hibernate.orm.core, dev.ignis.engine;
}
