package dev.ignis.engine.internal.boot;

import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

import java.util.Set;

/** Leaves {@code skipMigrate} and VIEW models out of every schema action. */
final class ExcludedTablesFilter implements SchemaFilterProvider, SchemaFilter {
    private final Set<String> excludedTables;

    ExcludedTablesFilter(Set<String> excludedTables) {
        this.excludedTables = Set.copyOf(excludedTables);
    }

    @Override
    public boolean includeNamespace(Namespace namespace) {
        return true;
    }

    @Override
    public boolean includeTable(Table table) {
        return !excludedTables.contains(table.getName());
    }

    @Override
    public boolean includeSequence(Sequence sequence) {
        return true;
    }

    @Override
    public SchemaFilter getCreateFilter() {
        return this;
    }

    @Override
    public SchemaFilter getDropFilter() {
        return this;
    }

    @Override
    public SchemaFilter getTruncatorFilter() {
        return this;
    }

    @Override
    public SchemaFilter getMigrateFilter() {
        return this;
    }

    @Override
    public SchemaFilter getValidateFilter() {
        return this;
    }
}
