package dev.ignis.engine.internal.compile;

import java.util.Map;

/** An HQL statement built from metamodel names only, and the values to bind to it. */
public record CompiledQuery(String hql, Map<String, Object> parameters) {
}
