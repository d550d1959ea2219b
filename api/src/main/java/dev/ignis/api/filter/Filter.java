package dev.ignis.api.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Ignis filter {@code {where, fields, order, limit, skip, include}}, immutable. Build it fluently
 * ({@code Filter.where("code", "x").order("createdAt DESC").limit(10)}) or parse it from JSON with
 * {@link #parse(String)}; both give the same immutable filter. Every "with" method returns a new filter.
 */
public final class Filter {
    private static final Filter EMPTY = new Filter(Where.empty(), Fields.ALL, List.of(), null, null, List.of());

    private final Where where;
    private final Fields fields;
    private final List<Order> order;
    private final Integer limit;
    private final Integer skip;
    private final List<Include> include;

    private Filter(Where where, Fields fields, List<Order> order, Integer limit, Integer skip, List<Include> include) {
        this.where = Objects.requireNonNull(where, "where");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.order = List.copyOf(order);
        this.limit = limit;
        this.skip = skip;
        this.include = List.copyOf(include);
    }

    public static Filter empty() {
        return EMPTY;
    }

    /** A filter whose where is {@code field = value} (null means IS NULL, a collection means IN). */
    public static Filter where(String field, Object value) {
        return EMPTY.and(value instanceof java.util.Collection<?> c ? Where.in(field, c) : Where.eq(field, value));
    }

    public static Filter where(Where where) {
        return EMPTY.withWhere(where);
    }

    /** Parses the JSON form, e.g. a REST query's {@code filter} parameter. */
    public static Filter parse(String json) {
        return FilterCodec.parse(json);
    }

    public String toJson() {
        return FilterCodec.toJson(this);
    }

    public Where where() {
        return where;
    }

    public Fields fields() {
        return fields;
    }

    public List<Order> order() {
        return order;
    }

    /** The requested limit, or null when the model's default applies. */
    public Integer limit() {
        return limit;
    }

    /** Rows to skip ({@code skip} and {@code offset} are the same thing), or null. */
    public Integer skip() {
        return skip;
    }

    public List<Include> include() {
        return include;
    }

    public Filter withWhere(Where newWhere) {
        return new Filter(newWhere == null ? Where.empty() : newWhere, fields, order, limit, skip, include);
    }

    /** Adds a condition, AND-ed with the existing ones. */
    public Filter and(Where condition) {
        return withWhere(where.and(condition));
    }

    /** Adds {@code field = value} (null means IS NULL, a collection means IN), AND-ed with the existing conditions. */
    public Filter and(String field, Object value) {
        return and(value instanceof java.util.Collection<?> c ? Where.in(field, c) : Where.eq(field, value));
    }

    public Filter fields(String... names) {
        return withFields(Fields.only(names));
    }

    public Filter withFields(Fields newFields) {
        return new Filter(where, newFields == null ? Fields.ALL : newFields, order, limit, skip, include);
    }

    /** Sort keys in LoopBack form: {@code "name"}, {@code "createdAt DESC"}. */
    public Filter order(String... keys) {
        List<Order> parsed = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            parsed.add(Order.parse(keys[i], "order[" + i + "]"));
        }
        return withOrder(parsed);
    }

    public Filter withOrder(List<Order> newOrder) {
        return new Filter(where, fields, newOrder, limit, skip, include);
    }

    public Filter limit(int newLimit) {
        return new Filter(where, fields, order, newLimit, skip, include);
    }

    public Filter withLimit(Integer newLimit) {
        return new Filter(where, fields, order, newLimit, skip, include);
    }

    public Filter skip(int newSkip) {
        return new Filter(where, fields, order, limit, newSkip, include);
    }

    /** Same as {@link #skip(int)}. */
    public Filter offset(int newSkip) {
        return skip(newSkip);
    }

    public Filter withSkip(Integer newSkip) {
        return new Filter(where, fields, order, limit, newSkip, include);
    }

    public Filter include(String... relations) {
        List<Include> added = new ArrayList<>(include);
        Arrays.stream(relations).map(Include::of).forEach(added::add);
        return withInclude(added);
    }

    public Filter include(Include... includes) {
        List<Include> added = new ArrayList<>(include);
        added.addAll(Arrays.asList(includes));
        return withInclude(added);
    }

    public Filter withInclude(List<Include> newInclude) {
        return new Filter(where, fields, order, limit, skip, newInclude);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter f && where.equals(f.where) && fields.equals(f.fields) && order.equals(f.order)
                && Objects.equals(limit, f.limit) && Objects.equals(skip, f.skip) && include.equals(f.include);
    }

    @Override
    public int hashCode() {
        return Objects.hash(where, fields, order, limit, skip, include);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
