package dev.ignis.engine.internal.execute;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.repository.UpsertOptions;
import dev.ignis.api.spi.UpsertStatement;
import dev.ignis.engine.internal.model.AttributeDescriptor;
import dev.ignis.engine.internal.model.ModelDescriptor;
import dev.ignis.engine.internal.model.RowReader;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upsert statement of one model: its columns as Hibernate's metamodel maps them, the SQL the driver renders for
 * a conflict target and update list, and one JDBC batch binding each row with Hibernate's own binders. Where the
 * driver has an upsert that returns the stored rows, the rows go in multi-row statements instead, and the rows they
 * return are read like a select's, with Hibernate's own extractors.
 */
final class UpsertWriter {
    /** A written column: the property it holds, its name in SQL, how Hibernate binds it. */
    private record Column(AttributeDescriptor attribute, String name, JdbcMapping mapping) {
    }

    /** What decides the SQL of a batch. */
    private record Shape(List<String> conflictFields, List<String> updateFields, boolean withId) {
    }

    private final StartedDataSource dataSource;
    private final ModelDescriptor model;
    private final String table;
    private final List<Column> columns;
    private final Map<Shape, Rendered> statements = new ConcurrentHashMap<>();
    /** What an upsert returns: the properties a select returns (all but the hidden ones), read with this reader. */
    private final RowReader returnedReader;
    /** The columns of {@link #returnedReader}, or null when one of them is not a column an upsert writes. */
    private final List<Column> returnedColumns;

    /** A rendered statement, the columns it binds in parameter order, and its returning forms by row count. */
    private record Rendered(UpsertStatement statement, String sql, List<Column> columns, Map<Integer, String> returning) {
    }

    /** Parameters per returning statement: PostgreSQL and MariaDB take at most 65,535. */
    private static final int MAX_PARAMETERS = 32_767;
    /** Returning statements kept per shape: one per batch size seen, as long as there are few. */
    private static final int MAX_RETURNING_FORMS = 16;

    UpsertWriter(StartedDataSource dataSource, ModelDescriptor model) {
        this.dataSource = dataSource;
        this.model = model;
        EntityPersister persister = dataSource.sessionFactory().getMappingMetamodel().getEntityDescriptor(model.entityName());
        this.table = persister.getIdentifierTableDetails().getTableName();
        List<Column> found = new ArrayList<>();
        // The model introspector accepted only a single-column id, a basic part.
        BasicValuedModelPart id = (BasicValuedModelPart) persister.getIdentifierMapping();
        found.add(new Column(model.id(), id.getSelectionExpression(), id.getJdbcMapping()));
        persister.forEachAttributeMapping(attribute -> collect(attribute, "", found));
        this.columns = List.copyOf(found);
        this.returnedReader = RowReader.visible(model, Set.of());
        List<Column> returned = new ArrayList<>();
        for (AttributeDescriptor attribute : returnedReader.columns()) {
            columns.stream().filter(c -> c.attribute() == attribute).findFirst().ifPresent(returned::add);
        }
        this.returnedColumns = returned.size() == returnedReader.width() ? List.copyOf(returned) : null;
    }

    private void collect(Object part, String prefix, List<Column> out) {
        if (part instanceof BasicValuedModelPart basic && part instanceof org.hibernate.metamodel.mapping.ModelPart modelPart) {
            AttributeDescriptor attribute = model.attributes().values().stream()
                    .filter(a -> a.hqlPath().equals(prefix + modelPart.getPartName())).findFirst().orElse(null);
            if (attribute != null && basic.isInsertable()) {
                out.add(new Column(attribute, basic.getSelectionExpression(), basic.getJdbcMapping()));
            }
        } else if (part instanceof EmbeddableValuedModelPart embedded && part instanceof AttributeMapping attribute) {
            String path = prefix + attribute.getAttributeName() + ".";
            embedded.getEmbeddableTypeDescriptor().forEachAttributeMapping(sub -> collect(sub, path, out));
        }
    }

    /** The fields a conflict is decided on: the given ones, checked, or the id. */
    List<AttributeDescriptor> conflictTarget(UpsertOptions options) {
        if (options.conflictFields().isEmpty()) {
            return List.of(model.id());
        }
        List<AttributeDescriptor> target = new ArrayList<>();
        for (String field : options.conflictFields()) {
            target.add(known(field, "conflictFields"));
        }
        return target;
    }

    /**
     * Writes {@code rows} in one JDBC batch: {@code withId} false leaves the id column out (the database generates it).
     * Returns the number of rows sent.
     */
    int write(StatelessSession session, List<?> rows, UpsertOptions options, boolean withId) {
        Rendered rendered = rendered(options, withId);
        SharedSessionContractImplementor shared = (SharedSessionContractImplementor) session;
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(inspected(shared, rendered.sql()))) {
                for (Object row : rows) {
                    int index = 1;
                    for (Column column : rendered.columns()) {
                        bind(statement, index++, column, column.attribute().get(row), shared);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
        return rows.size();
    }

    /**
     * {@code sql} as the datasource's statement inspector sees it (the SQL log, the statement's shape): the upsert runs on
     * the session's connection directly, where Hibernate's own inspection does not reach.
     */
    private static String inspected(SharedSessionContractImplementor session, String sql) {
        return session.getFactory().getSessionFactoryOptions().getStatementInspector().inspect(sql);
    }

    /**
     * Whether {@link #writeReturning} can write rows of this shape: the driver has a returning upsert for it and every
     * property a select returns is a written column.
     */
    boolean returnsRows(UpsertOptions options, boolean withId) {
        return returnedColumns != null && returningSql(rendered(options, withId), 1) != null;
    }

    /**
     * Writes {@code rows} with the driver's returning upsert, as many rows per statement as the parameter limit allows
     * (1,000 rows of up to 32 columns in one), and returns the stored rows, in no particular order.
     */
    List<Object> writeReturning(StatelessSession session, List<?> rows, UpsertOptions options, boolean withId) {
        Rendered rendered = rendered(options, withId);
        int perStatement = Math.max(1, MAX_PARAMETERS / rendered.columns().size());
        SharedSessionContractImplementor shared = (SharedSessionContractImplementor) session;
        List<Object> stored = new ArrayList<>(rows.size());
        session.doWork(connection -> {
            for (int from = 0; from < rows.size(); from += perStatement) {
                List<?> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
                try (PreparedStatement statement = connection.prepareStatement(inspected(shared, returningSql(rendered, chunk.size())))) {
                    int index = 1;
                    for (Object row : chunk) {
                        for (Column column : rendered.columns()) {
                            bind(statement, index++, column, column.attribute().get(row), shared);
                        }
                    }
                    // execute, not executeQuery: Connector/J refuses executeQuery for an INSERT, even one returning rows.
                    statement.execute();
                    try (ResultSet result = statement.getResultSet()) {
                        Object[] values = new Object[returnedColumns.size()];
                        while (result.next()) {
                            for (int i = 0; i < values.length; i++) {
                                values[i] = read(result, i + 1, returnedColumns.get(i), shared);
                            }
                            stored.add(returnedReader.read(values, 0));
                        }
                    }
                }
            }
        });
        return stored;
    }

    private Rendered rendered(UpsertOptions options, boolean withId) {
        return statements.computeIfAbsent(new Shape(options.conflictFields(), options.updateFields(), withId),
                shape -> render(options, withId));
    }

    /** The driver's returning upsert of {@code rows} rows, or null when it has none for this shape. */
    private String returningSql(Rendered rendered, int rows) {
        String sql = rendered.returning().get(rows);
        if (sql == null) {
            sql = dataSource.driver().upsertReturningSql(rendered.statement(), rows,
                    returnedColumns.stream().map(Column::name).toList());
            if (sql != null && rendered.returning().size() < MAX_RETURNING_FORMS) {
                rendered.returning().put(rows, sql);
            }
        }
        return sql;
    }

    private Rendered render(UpsertOptions options, boolean withId) {
        List<Column> written = columns.stream().filter(c -> withId || !c.attribute().isIdentifier()).toList();
        Set<String> keys = new LinkedHashSet<>();
        conflictTarget(options).forEach(attribute -> keys.add(columnOf(attribute).name()));
        ModelDescriptor.Enrichers enrichers = model.enrichers();
        Set<AttributeDescriptor> updated = new LinkedHashSet<>();
        if (options.updateFields().isEmpty()) {
            for (Column column : written) {
                if (!column.attribute().isIdentifier() && !keys.contains(column.name())) {
                    updated.add(column.attribute());
                }
            }
        } else {
            for (String field : options.updateFields()) {
                AttributeDescriptor attribute = known(field, "updateFields");
                if (attribute.isIdentifier()) {
                    throw new FilterException("updateFields." + field, "the id of " + model.name() + " cannot be updated");
                }
                updated.add(attribute);
            }
        }
        // The creation stamps belong to the row's first write; the modification stamps to every write.
        updated.remove(enrichers.createdAt());
        updated.remove(enrichers.createdBy());
        if (enrichers.modifiedAt() != null) {
            updated.add(enrichers.modifiedAt());
        }
        if (enrichers.modifiedBy() != null) {
            updated.add(enrichers.modifiedBy());
        }
        List<String> updateColumns = updated.stream().map(a -> columnOf(a).name()).toList();
        UpsertStatement statement = new UpsertStatement(table, written.stream().map(Column::name).toList(), List.copyOf(keys), updateColumns);
        return new Rendered(statement, dataSource.driver().upsertSql(statement), written, new ConcurrentHashMap<>());
    }

    private Column columnOf(AttributeDescriptor attribute) {
        return columns.stream().filter(c -> c.attribute() == attribute).findFirst()
                .orElseThrow(() -> new FilterException(attribute.key(), "property '" + attribute.key() + "' of model " + model.name()
                        + " is not a column an upsert can write"));
    }

    private AttributeDescriptor known(String field, String option) {
        AttributeDescriptor attribute = model.attribute(field);
        if (attribute == null) {
            throw new FilterException(option + "." + field, "unknown property '" + field + "' of model " + model.name(), model.attributeNames());
        }
        columnOf(attribute);
        return attribute;
    }

    /** A returned column's value as the model holds it: Hibernate's extractor, then the property's converter. */
    private static Object read(ResultSet result, int index, Column column, SharedSessionContractImplementor session)
            throws java.sql.SQLException {
        Object relational = column.mapping().getJdbcValueExtractor().extract(result, index, session);
        return relational == null ? null : column.mapping().convertToDomainValue(relational);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void bind(PreparedStatement statement, int index, Column column, Object value,
                             SharedSessionContractImplementor session) throws java.sql.SQLException {
        Object relational = value == null ? null : column.mapping().convertToRelationalValue(value);
        ((org.hibernate.type.descriptor.ValueBinder) column.mapping().getJdbcValueBinder()).bind(statement, relational, index, session);
    }
}
