/**
 * Ignis metrics: binds the engine's query observations, and each datasource's pool and Hibernate statistics, to a
 * Micrometer registry, by hand ({@code Engine.builder().listener(new MicrometerQueryListener(registry))
 * .observer(new DataSourceMeters(registry))}) or through Dagger ({@code dev.ignis.metrics.dagger.MetricsModule}).
 */
module dev.ignis.metrics {
    requires transitive dev.ignis.engine;
    requires transitive micrometer.core;
    // DataSourceMeters: HikariCP's own Micrometer tracker on each pool (HikariCP reads micrometer.core through its
    // `requires static`), and the SessionFactory's statistics (org.hibernate.orm.core comes transitively from the engine).
    requires com.zaxxer.hikari;

    // Dagger wiring is optional, as in the engine: only applications that use dev.ignis.metrics.dagger need it.
    requires static dagger;
    requires static jakarta.inject;

    exports dev.ignis.metrics;
    exports dev.ignis.metrics.dagger;
}
