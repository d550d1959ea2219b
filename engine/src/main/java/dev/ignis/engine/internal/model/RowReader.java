package dev.ignis.engine.internal.model;


import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads model rows from selected columns instead of letting Hibernate hydrate entities: the statement selects
 * {@code alias.property} for the properties a call needs, and each row is filled by a {@link RowFiller} generated for
 * this column list (or, where none can be generated, by the loop below through Hibernate's setters).
 * Reads write nothing back, so they need no persistence-context bookkeeping, snapshots or proxies — and properties a
 * caller's {@code fields} or the model's hidden list leave out are never read at all.
 */
public final class RowReader {
    private final ModelDescriptor model;
    private final AttributeDescriptor[] columns;
    /** For each column, the index of its embeddable among the row's embeddables, or -1 for a property of the model. */
    private final int[] embeddableOf;
    /** One column of each embeddable: it knows how to create the embeddable and put it into the model. */
    private final AttributeDescriptor[] embeddables;
    /** The generated filler for these columns, or null when rows are filled by the loop in {@link #read}. */
    private final RowFiller filler;
    private final java.util.Map<String, String> selects = new java.util.concurrent.ConcurrentHashMap<>();

    private RowReader(ModelDescriptor model, List<AttributeDescriptor> columns) {
        this.model = model;
        this.columns = columns.toArray(new AttributeDescriptor[0]);
        this.embeddableOf = new int[this.columns.length];
        List<Object> containers = new ArrayList<>();
        List<AttributeDescriptor> representatives = new ArrayList<>();
        for (int i = 0; i < this.columns.length; i++) {
            Object container = this.columns[i].container();
            int index = container == null ? -1 : containers.indexOf(container);
            if (container != null && index < 0) {
                index = containers.size();
                containers.add(container);
                representatives.add(this.columns[i]);
            }
            embeddableOf[i] = index;
        }
        this.embeddables = representatives.toArray(new AttributeDescriptor[0]);
        this.filler = model.filler(columns);
    }

    /** The id first, then every property {@code keep} accepts. */
    public static RowReader of(ModelDescriptor model, Predicate<String> keep) {
        List<AttributeDescriptor> columns = new ArrayList<>();
        columns.add(model.id());
        for (AttributeDescriptor attribute : model.attributes().values()) {
            if (!attribute.isIdentifier() && keep.test(attribute.key())) {
                columns.add(attribute);
            }
        }
        return new RowReader(model, columns);
    }

    /** Every property but the hidden ones, plus those in {@code needed} (keys to stitch includes on). */
    public static RowReader visible(ModelDescriptor model, java.util.Set<String> needed) {
        return of(model, key -> !model.hidden().contains(key) || needed.contains(key));
    }

    /** The select items, e.g. {@code e.id, e.tz.createdAt, e.code}. */
    public String select(String alias) {
        return selects.computeIfAbsent(alias, this::buildSelect);
    }

    private String buildSelect(String alias) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(alias).append('.').append(columns[i].hqlPath());
        }
        return out.toString();
    }

    /** The properties read, in select order: the id first. */
    public List<AttributeDescriptor> columns() {
        return List.of(columns);
    }

    public int width() {
        return columns.length;
    }

    /**
     * The model row in {@code row[offset ..]}, or null when its id is null (no row matched a left join). An
     * embeddable is created only when one of its properties has a value, and put into the model once.
     */
    public Object read(Object[] row, int offset) {
        if (filler != null) {
            return filler.fill(row, offset);
        }
        Object id = row[offset];
        if (id == null) {
            return null;
        }
        Object instance = model.newInstance();
        if (embeddableOf[0] < 0) {
            columns[0].setOnOwner(instance, id);
        } else {
            columns[0].set(instance, id);
        }
        Object[] owners = embeddables.length == 0 ? null : new Object[embeddables.length];
        for (int i = 1; i < columns.length; i++) {
            Object value = row[offset + i];
            if (value == null) {
                continue;
            }
            int embeddable = embeddableOf[i];
            if (embeddable < 0) {
                columns[i].setOnOwner(instance, value);
            } else {
                Object owner = owners[embeddable];
                if (owner == null) {
                    owner = embeddables[embeddable].newContainer();
                    owners[embeddable] = owner;
                    embeddables[embeddable].setContainer(instance, owner);
                }
                columns[i].setOnOwner(owner, value);
            }
        }
        return instance;
    }
}
