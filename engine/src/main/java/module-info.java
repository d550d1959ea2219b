/**
 * The Ignis engine: boots one HikariCP pool and one Hibernate SessionFactory per datasource, compiles filters
 * against Hibernate's metamodel and executes repository calls on the datasource that owns the model.
 * Only {@code dev.ignis.engine}, its {@code settings} and {@code dagger} are exported; everything under {@code internal}
 * may change without notice.
 */
module dev.ignis.engine {
    requires transitive dev.ignis.api;
    // DataSourceObserver hands out each datasource's SessionFactory (for statistics meters).
    requires transitive org.hibernate.orm.core;
    // Each repository call and statement is a Micrometer Observation (Engine.Builder.observationRegistry shows the type).
    requires transitive micrometer.observation;
    // The Observation API's key values (KeyValue) live here: a handler that reads the engine's observations needs it.
    requires transitive micrometer.commons;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    // hibernate-core is an automatic module: the explicit modules it needs at run time are resolved only
    // when a named module requires them.
    requires org.jboss.logging;
    requires net.bytebuddy;
    requires jakarta.xml.bind;
    // SchemaAction.MIGRATE runs Flyway (an automatic module named after its jar); its database plugins for
    // PostgreSQL and MySQL/MariaDB come with the driver modules, H2's is in flyway-core.
    requires flyway.core;

    // Dagger wiring is optional: only applications that use dev.ignis.engine.dagger need Dagger on the module path.
    requires static dagger;
    requires static jakarta.inject;

    exports dev.ignis.engine;
    // The settings and listener types: a leaf package, so internal code reads them without importing the facade.
    exports dev.ignis.engine.settings;
    exports dev.ignis.engine.dagger;

    uses dev.ignis.api.spi.DriverPlugin;

    // Hibernate's JBoss Logging finds this provider (unless -Dorg.jboss.logging.provider is set) and logs through SLF4J.
    provides org.jboss.logging.LoggerProvider with dev.ignis.engine.internal.logging.HibernateLogging;

    // Hibernate loads type contributors with ServiceLoader; this one acts only on drivers that ask for it.
    provides org.hibernate.boot.model.TypeContributor with dev.ignis.engine.internal.boot.TemporalAsTextTypeContributor,
            dev.ignis.engine.internal.boot.StringCollationTypeContributor;
}
