package dev.ignis.engine.internal.plan;

import dev.ignis.api.error.TenantException;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.filter.Where;
import dev.ignis.api.filter.DeletedRows;
import dev.ignis.engine.internal.compile.ValueConverter;
import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;

import java.util.Map;

/**
 * The scopes of one call, resolved before it plans: whose rows it may touch ({@code tenant}, or every tenant with
 * {@code allTenants}) and which rows of soft-delete models it reads, at the root and per include path (relation names
 * joined by dots). The planner adds {@link #rows} of each statement's model to that statement's where, and
 * {@link #related} to every related-field condition and key lookup, so no statement runs without them.
 */
public record ReadScope(String tenant, boolean allTenants, DeletedRows root, Map<String, DeletedRows> includes) {
    /** Live rows, no tenant: tenant models are refused. */
    public static final ReadScope NO_TENANT = new ReadScope(null, false, DeletedRows.LIVE, Map.of());

    public ReadScope {
        includes = Map.copyOf(includes);
    }

    /** The same tenant, reading {@code rows} at the root (writes: live rows, deleted rows for restores, all for hard deletes). */
    public ReadScope rows(DeletedRows rows) {
        return new ReadScope(tenant, allTenants, rows, includes);
    }

    /** The predicate a statement reading {@code model} at the root adds to its where (empty when the model has no scope). */
    public Where rows(ModelDescriptor model) {
        return predicate(model, root);
    }

    /** The predicate of related rows matched by a related-field condition or a key lookup: the tenant's live rows. */
    public Where related(ModelDescriptor model) {
        return predicate(model, DeletedRows.LIVE);
    }

    /** The same scope, reading {@code rows} at {@code relationPath} (the root when empty). */
    ReadScope deleted(String relationPath, DeletedRows rows) {
        if (relationPath.isEmpty()) {
            return rows(rows);
        }
        Map<String, DeletedRows> more = new java.util.HashMap<>(includes);
        more.put(relationPath, rows);
        return new ReadScope(tenant, allTenants, root, more);
    }

    /** Which rows the include at {@code relationPath} reads. */
    DeletedRows include(String relationPath) {
        return includes.getOrDefault(relationPath, DeletedRows.LIVE);
    }

    /** {@code tenant = ?} and {@code deletedAt is [not] null}, as the model has them. */
    Where predicate(ModelDescriptor model, DeletedRows deleted) {
        ModelDescriptor.Scoping scoping = model.scoping();
        if (scoping == ModelDescriptor.Scoping.NONE) {
            return Where.empty();
        }
        Where where = Where.empty();
        if (scoping.hasTenant()) {
            where = where.and(tenantCondition(model, scoping.tenant()));
        }
        if (scoping.softDelete() && deleted != DeletedRows.WITH_DELETED) {
            String key = scoping.deletedAt().key();
            where = where.and(new Where.Condition(key, deleted == DeletedRows.LIVE ? Operator.EQ : Operator.NEQ, null, "scope." + key));
        }
        return where;
    }

    private Where tenantCondition(ModelDescriptor model, AttributeDescriptor tenantProperty) {
        if (allTenants) {
            return Where.empty();
        }
        if (tenant == null) {
            throw new TenantException(model.name(), "Model " + model.name() + " belongs to tenants and there is no current tenant;"
                    + " set one with Tenants.run(tenantId, ...) or Engine.builder().tenantResolver(...)");
        }
        String path = "scope." + tenantProperty.key();
        return new Where.Condition(tenantProperty.key(), Operator.EQ, ValueConverter.convert(tenantProperty, tenant, path), path);
    }

    /** The scope of the rows at one include path: {@link #into} moves one relation down. */
    record At(ReadScope scope, String path) {
        static At root(ReadScope scope) {
            return new At(scope, "");
        }

        At into(String relation) {
            return new At(scope, path.isEmpty() ? relation : path + "." + relation);
        }

        DeletedRows deleted() {
            return path.isEmpty() ? scope.root() : scope.include(path);
        }

        Where rows(ModelDescriptor model) {
            return scope.predicate(model, deleted());
        }
    }
}
