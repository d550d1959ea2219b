/** Ignis metrics: binds the engine's query observations to a Micrometer registry. */
module dev.ignis.metrics {
    requires transitive dev.ignis.engine;
    requires transitive micrometer.core;

    exports dev.ignis.metrics;
}
