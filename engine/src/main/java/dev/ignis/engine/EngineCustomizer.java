package dev.ignis.engine;

/** Adjusts the engine's builder before it is built: listeners, limits, the clock. Contributed by wiring (Dagger sets). */
@FunctionalInterface
public interface EngineCustomizer {
    void customize(Engine.Builder builder);
}
