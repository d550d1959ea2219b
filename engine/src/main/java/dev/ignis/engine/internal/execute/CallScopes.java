package dev.ignis.engine.internal.execute;

import dev.ignis.api.error.TenantException;
import dev.ignis.api.model.Tenants;
import dev.ignis.api.filter.DeletedRows;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.engine.internal.compile.ValueConverter;
import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.plan.ReadScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the {@link ReadScope} of each repository call of one model on the calling thread, before anything is
 * planned: the tenant from {@link Tenants#run} or the engine's resolver, the bypass ({@link Tenants#all},
 * {@code QueryOptions.allTenants()}), logged and reported, and deny by default: a call on a tenant model with no
 * tenant fails here, before any statement. Also holds the tenant rules of the rows a write brings.
 */
final class CallScopes {
    private static final Logger LOG = LoggerFactory.getLogger(CallScopes.class);

    private final StartedDataSource dataSource;
    private final ModelDescriptor model;

    CallScopes(StartedDataSource dataSource, ModelDescriptor model) {
        this.dataSource = dataSource;
        this.model = model;
    }

    /** The scope of a read with {@code options}. */
    ReadScope read(String operation, QueryOptions options) {
        return resolve(operation, options.acrossTenants(), options.deleted(), options.includeDeleted());
    }

    /** The scope of a write that touches {@code rows}. */
    ReadScope write(String operation, DeletedRows rows) {
        return resolve(operation, false, rows, Map.of());
    }

    private ReadScope resolve(String operation, boolean acrossTenants, DeletedRows rows, Map<String, DeletedRows> includes) {
        Optional<String> tenant = Tenants.overridden();
        boolean all = tenant.isEmpty() && (acrossTenants || Tenants.allTenants());
        if (all) {
            LOG.info("Tenant isolation bypassed: {} on model {} (datasource {}) reads and writes every tenant's rows",
                    operation, model.name(), dataSource.name());
            dataSource.observation().tenantBypass(dataSource.name(), model.name(), operation);
        } else if (tenant.isEmpty()) {
            tenant = dataSource.settings().tenantResolver().tenantId();
        }
        ReadScope scope = new ReadScope(tenant.orElse(null), all, rows, includes);
        scope.rows(model); // deny by default: a tenant model with no tenant fails now, before any statement
        return scope;
    }

    /** Gives a row to be created the current tenant; a different explicit tenant is refused. */
    void stampTenant(Object row, ReadScope scope) {
        AttributeDescriptor property = model.scoping().tenant();
        if (property == null) {
            return;
        }
        Object given = property.get(row);
        if (scope.allTenants()) {
            if (given == null) {
                throw new TenantException(model.name(), "A " + model.name() + " created across tenants (Tenants.all) must name its tenant in '"
                        + property.key() + "'");
            }
            return;
        }
        Object current = ValueConverter.convert(property, scope.tenant(), "tenant");
        if (given == null) {
            property.set(row, current);
        } else if (!Objects.equals(given, current)) {
            throw new TenantException(model.name(), "A " + model.name() + " of tenant '" + given + "' cannot be written as tenant '"
                    + current + "'");
        }
    }

    /** An update may not move rows to another tenant. */
    void checkAssignments(Map<String, Object> assignments, ReadScope scope) {
        AttributeDescriptor property = model.scoping().tenant();
        if (property == null || scope.allTenants() || !assignments.containsKey(property.key())) {
            return;
        }
        Object current = ValueConverter.convert(property, scope.tenant(), "tenant");
        if (!Objects.equals(assignments.get(property.key()), current)) {
            throw new TenantException(model.name(), "An update of " + model.name() + " cannot move rows to tenant '"
                    + assignments.get(property.key()) + "'");
        }
    }
}
