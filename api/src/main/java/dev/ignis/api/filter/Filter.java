package dev.ignis.api.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Ignis filter {@code {where, fields, order, limit, skip, include}}, immutable. Build it fluently
 * ({@code Filter.where("code", "x").order("createdAt DESC").limit(10)}) or parse it from JSON with
 * {@link #parse(String)}; both give the same immutable filter. Every "with" method returns a new filter.
 * {@link #deleted()} asks for soft-deleted rows of the model read at this level ({@code "withDeleted": true} or
 * {@code "onlyDeleted": true} in JSON; in an include's scope, of the included model).
 */
public final class Filter {
    private static final Filter EMPTY = new Filter(Where.empty(), Fields.ALL, List.of(), null, null, List.of(), null);

    private final Where where;
    private final Fields fields;
    private final List<Order> order;
    private final Integer limit;
    private final Integer skip;
    private final List<Include> include;
    private final DeletedRows deleted;

    private Filter(Where where, Fields fields, List<Order> order, Integer limit, Integer skip, List<Include> include,
                   DeletedRows deleted) {
        this.where = Objects.requireNonNull(where, "where");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.order = List.copyOf(order);
        this.limit = limit;
        this.skip = skip;
        this.include = List.copyOf(include);
        this.deleted = deleted;
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

    /**
     * The soft-deleted rows this filter asks for ({@code WITH_DELETED}, {@code ONLY_DELETED}), or null when it does not
     * ask (then {@code QueryOptions} decide: live rows by default).
     */
    public DeletedRows deleted() {
        return deleted;
    }

    /**
     * This filter reading {@code rows}; the model read must have soft delete. {@code LIVE} and null ask for nothing (as
     * {@code "withDeleted": false} does): the options decide, and they read live rows unless told otherwise.
     */
    public Filter deleted(DeletedRows rows) {
        return new Filter(where, fields, order, limit, skip, include, rows == DeletedRows.LIVE ? null : rows);
    }

    /** This filter reading live and soft-deleted rows ({@code "withDeleted": true}). */
    public Filter withDeleted() {
        return deleted(DeletedRows.WITH_DELETED);
    }

    /** This filter reading soft-deleted rows only ({@code "onlyDeleted": true}). */
    public Filter onlyDeleted() {
        return deleted(DeletedRows.ONLY_DELETED);
    }

    public Filter withWhere(Where newWhere) {
        return new Filter(newWhere == null ? Where.empty() : newWhere, fields, order, limit, skip, include, deleted);
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
        return new Filter(where, newFields == null ? Fields.ALL : newFields, order, limit, skip, include, deleted);
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
        return new Filter(where, fields, newOrder, limit, skip, include, deleted);
    }

    public Filter limit(int newLimit) {
        return new Filter(where, fields, order, newLimit, skip, include, deleted);
    }

    public Filter withLimit(Integer newLimit) {
        return new Filter(where, fields, order, newLimit, skip, include, deleted);
    }

    public Filter skip(int newSkip) {
        return new Filter(where, fields, order, limit, newSkip, include, deleted);
    }

    /** Same as {@link #skip(int)}. */
    public Filter offset(int newSkip) {
        return skip(newSkip);
    }

    public Filter withSkip(Integer newSkip) {
        return new Filter(where, fields, order, limit, newSkip, include, deleted);
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
        return new Filter(where, fields, order, limit, skip, newInclude, deleted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter f && where.equals(f.where) && fields.equals(f.fields) && order.equals(f.order)
                && Objects.equals(limit, f.limit) && Objects.equals(skip, f.skip) && include.equals(f.include) && deleted == f.deleted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(where, fields, order, limit, skip, include, deleted);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
