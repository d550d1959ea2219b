package dev.ignis.engine.internal.plan;

import dev.ignis.api.filter.Where;
import dev.ignis.engine.internal.model.ModelDescriptor;

/**
 * A phase of a read that runs before the statement needing its keys: {@code select distinct k.<key> from <model> k
 * where <where>} on {@code dataSource}. With {@code joined} set (a many-through whose junction and target share a
 * datasource), {@code model} is the junction, {@code where} applies to {@code joined} rows, and the two are joined
 * on the relation's keys in the same statement. {@code required}: the statement's where holds only if this lookup
 * finds a key, so when it finds none the statement is skipped.
 */
public record KeyLookup(String path, String dataSource, ModelDescriptor model, String key, Joined joined, WherePlan where,
                        boolean required) {

    /**
     * The target of a many-through lookup, joined to the junction {@code model}: {@code target.targetKey = junction.junctionKey};
     * {@code junctionWhere}: the scope of the junction rows.
     */
    public record Joined(ModelDescriptor target, String targetKey, String junctionKey, Where junctionWhere) {
    }
}
