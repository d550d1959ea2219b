package dev.ignis.conformance;

import dev.ignis.engine.Engine;

/**
 * Where the suite's engines are built. With {@code -Dignis.conformance.plannedSelects=false} every engine runs its
 * selects through Hibernate's query API and fills rows without generated code, so the same contracts check that path.
 */
public final class EngineBuilders {
    /** The system property that turns the engines' planned selects off. */
    public static final String PLANNED_SELECTS = "ignis.conformance.plannedSelects";

    private EngineBuilders() {
    }

    public static Engine.Builder builder() {
        return Engine.builder().plannedSelects(!"false".equals(System.getProperty(PLANNED_SELECTS)));
    }
}
