package dev.ignis.conformance;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.UnsupportedOperatorException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.filter.Where;
import dev.ignis.conformance.model.Doc;
import dev.ignis.conformance.model.Tagged;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Features only some databases have: array operators on a {@code String[]} column ({@link DatabaseTarget#supportsArrayOperators()})
 * and JSON path keys in where and order ({@link DatabaseTarget#supportsJsonPath()}). Where the target has no
 * support, the operator must be refused with {@link UnsupportedOperatorException}, never run with other semantics.
 */
public interface DialectFeatureContract extends ConformanceFixture {

    // ---- arrays

    /** t1 [a,b], t2 [b,c], t3 [c], t4 [], t5 null; ids are the labels. */
    private void seedTags() {
        Tagged t5 = new Tagged("t5");
        t5.setTags(null);
        List<Tagged> rows = List.of(new Tagged("t1", "a", "b"), new Tagged("t2", "b", "c"), new Tagged("t3", "c"),
                new Tagged("t4"), t5);
        rows.forEach(t -> t.setId(t.getLabel()));
        tagged().createAll(rows);
    }

    private List<String> taggedWith(Operator op, String... values) {
        return tagged().find(Filter.where(Where.of("tags", op, List.of(values)))).stream().map(Tagged::getLabel).sorted().toList();
    }

    @Test
    default void arrayColumnsReadBackTheirElements() {
        seedTags();

        assertThat(tagged().getById("t1").getTags()).containsExactly("a", "b");
        assertThat(tagged().getById("t4").getTags()).isEmpty();
        assertThat(tagged().getById("t5").getTags()).isNull();
    }

    @Test
    default void arrayContainsMatchesRowsHoldingEveryValue() {
        seedTags();
        if (!database().supportsArrayOperators()) {
            assertUnsupported(() -> taggedWith(Operator.CONTAINS, "b"), "contains");
            return;
        }
        assertThat(taggedWith(Operator.CONTAINS, "b")).containsExactly("t1", "t2");
        assertThat(taggedWith(Operator.CONTAINS, "a", "b")).containsExactly("t1");
        assertThat(taggedWith(Operator.CONTAINS, "a", "c")).isEmpty();
        assertThat(tagged().count(Where.of("tags", Operator.CONTAINS, List.of("c")))).isEqualTo(2);
    }

    @Test
    default void arrayContainedByMatchesRowsWhoseValuesAreAllListed() {
        seedTags();
        if (!database().supportsArrayOperators()) {
            assertUnsupported(() -> taggedWith(Operator.CONTAINED_BY, "a", "b", "c"), "containedBy");
            return;
        }
        assertThat(taggedWith(Operator.CONTAINED_BY, "a", "b", "c")).as("the empty array is contained by anything")
                .containsExactly("t1", "t2", "t3", "t4");
        assertThat(taggedWith(Operator.CONTAINED_BY, "b", "c")).containsExactly("t2", "t3", "t4");
    }

    @Test
    default void arrayOverlapsMatchesRowsSharingAValue() {
        seedTags();
        if (!database().supportsArrayOperators()) {
            assertUnsupported(() -> taggedWith(Operator.OVERLAPS, "a", "c"), "overlaps");
            return;
        }
        assertThat(taggedWith(Operator.OVERLAPS, "a", "c")).containsExactly("t1", "t2", "t3");
        assertThat(taggedWith(Operator.OVERLAPS, "z")).isEmpty();
    }

    @Test
    default void arrayOperatorsInJsonFilters() {
        seedTags();
        Filter filter = Filter.parse("{\"where\":{\"tags\":{\"overlaps\":[\"a\"]}}}");
        if (!database().supportsArrayOperators()) {
            assertUnsupported(() -> tagged().find(filter), "overlaps");
            return;
        }
        assertThat(tagged().find(filter)).extracting(Tagged::getLabel).containsExactly("t1");
    }

    @Test
    default void arrayOperatorsWithAnEmptyOrScalarOperand() {
        seedTags();
        if (!database().supportsArrayOperators()) {
            assertUnsupported(() -> taggedWith(Operator.CONTAINS), "contains");
            return;
        }
        assertThat(taggedWith(Operator.CONTAINS)).as("contains [] adds no condition, NULL arrays included")
                .containsExactly("t1", "t2", "t3", "t4", "t5");
        assertThat(taggedWith(Operator.CONTAINED_BY)).as("containedBy [] matches the empty array only").containsExactly("t4");
        assertThat(taggedWith(Operator.OVERLAPS)).as("overlaps [] matches nothing").isEmpty();
        assertThat(tagged().find(Filter.parse("{\"where\":{\"tags\":{\"contains\":\"b\"}}}"))).as("a scalar is a one-element array")
                .extracting(Tagged::getLabel).containsExactlyInAnyOrder("t1", "t2");
        assertThat(tagged().find(Filter.where(Where.of("tags", Operator.OVERLAPS, "c")))).extracting(Tagged::getLabel)
                .containsExactlyInAnyOrder("t2", "t3");
    }

    @Test
    default void arrayOperatorsWorkOnColumnsOfOtherElementTypesThanTheModels() {
        if (!database().supportsArrayOperators()) {
            return; // refusal is pinned by the tests above
        }
        java.util.UUID u1 = java.util.UUID.fromString("00000000-0000-0000-0000-0000000000a1");
        java.util.UUID u2 = java.util.UUID.fromString("00000000-0000-0000-0000-0000000000a2");
        Tagged a = new Tagged("a1", "x", "y");
        a.setRanks(new Integer[] {1, 2});
        a.setSizes(new Long[] {10L, 20L});
        a.setRefs(new java.util.UUID[] {u1});
        a.setAmounts(new java.math.BigDecimal[] {new java.math.BigDecimal("1.50"), new java.math.BigDecimal("2.00")});
        Tagged b = new Tagged("a2", "y", "z");
        b.setRanks(new Integer[] {3});
        b.setSizes(new Long[] {30L});
        b.setRefs(new java.util.UUID[] {u2});
        b.setAmounts(new java.math.BigDecimal[] {new java.math.BigDecimal("3.00")});
        List.of(a, b).forEach(t -> t.setId(t.getLabel()));
        tagged().createAll(List.of(a, b));
        String table = q("cf_tagged");
        List<String> altered = List.of("tags type text[]", "ranks type bigint[]", "sizes type integer[]", "amounts type numeric[]");
        List<String> restored = List.of("tags type varchar(255)[]", "ranks type integer[]", "sizes type bigint[]", "amounts type numeric(12,2)[]");
        try {
            altered.forEach(change -> jdbcExecute("alter table " + table + " alter column " + change));

            assertThat(labels("{\"tags\":{\"contains\":[\"x\"]}}")).as("text[]").containsExactly("a1");
            assertThat(labels("{\"tags\":{\"overlaps\":[\"z\",\"q\"]}}")).containsExactly("a2");
            assertThat(labels("{\"tags\":{\"containedBy\":[\"x\",\"y\",\"z\"]}}")).containsExactly("a1", "a2");
            assertThat(labels("{\"ranks\":{\"contains\":[2]}}")).as("bigint[] against Integer").containsExactly("a1");
            assertThat(labels("{\"sizes\":{\"containedBy\":[10,20,30]}}")).as("integer[] against Long").containsExactly("a1", "a2");
            assertThat(labels("{\"refs\":{\"overlaps\":[\"" + u2 + "\"]}}")).as("uuid[]").containsExactly("a2");
            assertThat(labels("{\"amounts\":{\"contains\":[1.5]}}")).as("numeric[] compares by value").containsExactly("a1");
            assertThatThrownBy(() -> labels("{\"ranks\":{\"contains\":[\"high\"]}}")).isInstanceOf(FilterException.class)
                    .satisfies(e -> assertThat(((FilterException) e).path()).startsWith("where.ranks.contains"));
        } finally {
            restored.forEach(change -> jdbcExecute("alter table " + table + " alter column " + change));
        }
        assertThat(labels("{\"ranks\":{\"contains\":[2]}}")).as("integer[] as created").containsExactly("a1");
        assertThat(labels("{\"tags\":{\"contains\":[\"y\"]}}")).as("varchar[] as created").containsExactly("a1", "a2");
    }

    private List<String> labels(String whereJson) {
        return tagged().find(Filter.parse("{\"where\":" + whereJson + "}")).stream().map(Tagged::getLabel).sorted().toList();
    }

    @Test
    default void arrayOperatorsApplyToArrayPropertiesOnly() {
        seedTags();

        assertThatThrownBy(() -> tagged().find(Filter.where(Where.of("label", Operator.CONTAINS, List.of("t"))))).isInstanceOf(FilterException.class);
    }

    // ---- JSON path

    /** d1..d5, ids are the labels. */
    private void seedDocs() {
        Map<String, Object> nullB = new HashMap<>();
        nullB.put("b", null);
        List<Doc> rows = new ArrayList<>();
        rows.add(new Doc("d1", map("a", Map.of("b", "x"), "n", 3, "label", "b")));
        rows.add(new Doc("d2", map("a", Map.of("b", "y"), "n", 10, "label", "a")));
        rows.add(new Doc("d3", map("a", Map.of("b", "x"), "n", 7)));
        rows.add(new Doc("d4", map()));
        rows.add(new Doc("d5", map("a", nullB)));
        rows.forEach(d -> d.setId(d.getLabel()));
        docs().createAll(rows);
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private List<String> docsWhere(String json) {
        return docs().find(Filter.parse(json)).stream().map(Doc::getLabel).sorted().toList();
    }

    @Test
    default void jsonColumnsReadBackTheirDocument() {
        seedDocs();

        Doc d1 = docs().getById("d1");
        assertThat(d1.getMeta()).containsEntry("label", "b").containsKey("a");
        assertThat(((Number) d1.getMeta().get("n")).intValue()).isEqualTo(3);
        assertThat(d1.getMeta().get("a")).isEqualTo(Map.of("b", "x"));
        assertThat(docs().getById("d4").getMeta()).isEmpty();
    }

    @Test
    default void jsonPathKeysCompareTextValues() {
        seedDocs();
        if (!database().supportsJsonPath()) {
            assertUnsupported(() -> docsWhere("{\"where\":{\"meta.a.b\":\"x\"}}"), "JSON path");
            return;
        }
        assertThat(docsWhere("{\"where\":{\"meta.a.b\":\"x\"}}")).containsExactly("d1", "d3");
        assertThat(docsWhere("{\"where\":{\"meta.a.b\":{\"inq\":[\"x\",\"y\"]}}}")).containsExactly("d1", "d2", "d3");
        assertThat(docsWhere("{\"where\":{\"meta.label\":{\"like\":\"%\"}}}")).containsExactly("d1", "d2");
        assertThat(docsWhere("{\"where\":{\"meta.a.b\":{\"neq\":\"x\"}}}")).as("NULLs do not match neq").containsExactly("d2");
    }

    @Test
    default void jsonPathKeysCompareNumbersAsNumbers() {
        seedDocs();
        if (!database().supportsJsonPath()) {
            assertUnsupported(() -> docsWhere("{\"where\":{\"meta.n\":{\"gt\":5}}}"), "JSON path");
            return;
        }
        assertThat(docsWhere("{\"where\":{\"meta.n\":{\"gt\":5}}}")).as("10 > 5 as numbers, not as text").containsExactly("d2", "d3");
        assertThat(docsWhere("{\"where\":{\"meta.n\":{\"lt\":5}}}")).containsExactly("d1");
        assertThat(docsWhere("{\"where\":{\"meta.n\":7}}")).containsExactly("d3");
        assertThat(docsWhere("{\"where\":{\"meta.n\":{\"between\":[3,7]}}}")).containsExactly("d1", "d3");
    }

    @Test
    default void jsonPathMissingKeysAndJsonNullsAreNull() {
        seedDocs();
        if (!database().supportsJsonPath()) {
            assertUnsupported(() -> docsWhere("{\"where\":{\"meta.a.b\":null}}"), "JSON path");
            return;
        }
        assertThat(docsWhere("{\"where\":{\"meta.a.b\":null}}")).as("a missing key and a JSON null are both NULL")
                .containsExactly("d4", "d5");
        assertThat(docsWhere("{\"where\":{\"meta.a.b\":{\"neq\":null}}}")).containsExactly("d1", "d2", "d3");
    }

    @Test
    default void jsonPathKeysOrderWithNullsLastAscendingAndFirstDescending() {
        seedDocs();
        if (!database().supportsJsonPath()) {
            assertUnsupported(() -> docs().find(Filter.empty().order("meta.label ASC")), "JSON path");
            return;
        }
        assertThat(docs().find(Filter.empty().order("meta.label ASC"))).extracting(Doc::getLabel)
                .containsExactly("d2", "d1", "d3", "d4", "d5");
        assertThat(docs().find(Filter.empty().order("meta.label DESC"))).extracting(Doc::getLabel)
                .containsExactly("d3", "d4", "d5", "d1", "d2");
    }

    /** Numbers, numeric text and other values under one key: m1..m9, ids are the labels. */
    private void seedNumbers() {
        List<Doc> rows = new ArrayList<>();
        rows.add(new Doc("m1", map("n", 1)));
        rows.add(new Doc("m2", map("n", 10)));
        rows.add(new Doc("m3", map("n", 100)));
        rows.add(new Doc("m4", map("n", 20)));
        rows.add(new Doc("m5", map("n", "5")));
        rows.add(new Doc("m6", map("n", new java.math.BigDecimal("0.125"))));
        rows.add(new Doc("m7", map("n", "high")));
        rows.add(new Doc("m8", map("n", Map.of("x", 1))));
        rows.add(new Doc("m9", map("n", true)));
        Map<String, Object> jsonNull = new HashMap<>();
        jsonNull.put("n", null);
        rows.add(new Doc("m10", jsonNull));
        rows.add(new Doc("m11", map()));
        rows.add(new Doc("m12", map("n", -2.5)));
        rows.forEach(d -> d.setId(d.getLabel()));
        docs().createAll(rows);
    }

    @Test
    default void jsonPathNumbersCompareByValueAndOtherValuesNeverMatchNorFail() {
        seedNumbers();
        if (!database().supportsJsonPath()) {
            assertUnsupported(() -> docsWhere("{\"where\":{\"meta.n\":{\"gt\":5}}}"), "JSON path");
            return;
        }
        assertThat(docsWhere("{\"where\":{\"meta.n\":{\"gt\":5}}}")).as("\"high\", objects and booleans never match")
                .containsExactly("m2", "m3", "m4");
        assertThat(docsWhere("{\"where\":{\"meta.n\":5}}")).as("the string \"5\" is a number").containsExactly("m5");
        assertThat(docsWhere("{\"where\":{\"meta.n\":{\"gte\":0.125,\"lt\":1}}}")).as("no rounding").containsExactly("m6");
        assertThat(docsWhere("{\"where\":{\"meta.n\":0.12}}")).isEmpty();
        assertThat(docsWhere("{\"where\":{\"meta.n\":{\"lte\":0}}}")).containsExactly("m12");
        assertThat(docsWhere("{\"where\":{\"meta.n\":{\"between\":[1,10]}}}")).containsExactly("m1", "m2", "m5");
        assertThat(docsWhere("{\"where\":{\"meta.n\":{\"inq\":[1,100]}}}")).containsExactly("m1", "m3");
        assertThat(docsWhere("{\"where\":{\"meta.n\":\"high\"}}")).as("text compares as text").containsExactly("m7");
        assertThat(docsWhere("{\"where\":{\"meta.n\":null}}")).as("a JSON null, a missing key (and objects) are null")
                .containsExactly("m10", "m11", "m8");
    }

    @Test
    default void jsonPathOrderSortsNumbersByValueThenTextThenNulls() {
        seedNumbers();
        if (!database().supportsJsonPath()) {
            assertUnsupported(() -> docs().find(Filter.empty().order("meta.n ASC")), "JSON path");
            return;
        }
        List<String> ascending = List.of("m12", "m6", "m1", "m5", "m2", "m4", "m3", "m7", "m9", "m10", "m11", "m8");
        assertThat(docs().find(Filter.empty().order("meta.n ASC"))).extracting(Doc::getLabel).containsExactlyElementsOf(ascending);
        List<String> descending = new ArrayList<>(List.of("m10", "m11", "m8", "m9", "m7", "m3", "m4", "m2", "m5", "m1", "m6", "m12"));
        assertThat(docs().find(Filter.empty().order("meta.n DESC"))).extracting(Doc::getLabel).containsExactlyElementsOf(descending);
    }

    @Test
    default void jsonPathKeysMayBeAnyObjectKey() {
        List<Doc> rows = new ArrayList<>();
        rows.add(new Doc("k1", map("user-id", "u1", "2024", 7, "größe", "L", "a b", "sp", "it's \"q\"", "quoted",
                "back\\slash", "bs", "a.b", "dot", "items", List.of(Map.of("x", "first"), Map.of("x", "second")))));
        rows.add(new Doc("k2", map("user-id", "u2", "2024", 9)));
        rows.forEach(d -> d.setId(d.getLabel()));
        docs().createAll(rows);
        if (!database().supportsJsonPath()) {
            assertUnsupported(() -> docsWhere("{\"where\":{\"meta.user-id\":\"u1\"}}"), "JSON path");
            return;
        }
        assertThat(docsWhere("{\"where\":{\"meta.user-id\":\"u1\"}}")).containsExactly("k1");
        assertThat(docsWhere("{\"where\":{\"meta.2024\":{\"gt\":8}}}")).as("a key of digits is a key").containsExactly("k2");
        assertThat(docsWhere("{\"where\":{\"meta.größe\":\"L\"}}")).containsExactly("k1");
        assertThat(docsWhere("{\"where\":{\"meta[\\\"a b\\\"]\":\"sp\"}}")).containsExactly("k1");
        assertThat(docsWhere("{\"where\":{\"meta[\\\"it's \\\\\\\"q\\\\\\\"\\\"]\":\"quoted\"}}")).containsExactly("k1");
        assertThat(docsWhere("{\"where\":{\"meta[\\\"back\\\\\\\\slash\\\"]\":\"bs\"}}")).containsExactly("k1");
        assertThat(docsWhere("{\"where\":{\"meta[\\\"a.b\\\"]\":\"dot\"}}")).containsExactly("k1");
        assertThat(docsWhere("{\"where\":{\"meta.items[1].x\":\"second\"}}")).containsExactly("k1");
        assertThat(docs().find(Filter.empty().order("meta.2024 DESC"))).extracting(Doc::getLabel).containsExactly("k2", "k1");
        assertThat(docs().find(Filter.empty().order("meta[\"a b\"] ASC"))).extracting(Doc::getLabel).containsExactly("k1", "k2");
    }

    @Test
    default void jsonPathSegmentsAreValidated() {
        seedDocs();

        assertThatThrownBy(() -> docs().find(Filter.parse("{\"where\":{\"meta..b\":\"x\"}}"))).isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> docs().find(Filter.parse("{\"where\":{\"meta[\\\"a\":\"x\"}}"))).as("an unclosed quoted key")
                .isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> docs().find(Filter.parse("{\"where\":{\"meta[x]\":\"x\"}}"))).as("an index of letters")
                .isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> docs().find(Filter.parse("{\"where\":{\"label.x\":\"x\"}}")))
                .as("a path into a property that is not JSON").isInstanceOf(FilterException.class)
                .isNotInstanceOf(UnsupportedOperatorException.class);
        assertThatThrownBy(() -> docs().find(Filter.parse("{\"where\":{\"meta\":\"x\"}}")))
                .as("a whole JSON document is not compared").isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> docs().find(Filter.empty().order("meta")))
                .as("nor sorted").isInstanceOf(FilterException.class);
    }

    private void assertUnsupported(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String operator) {
        assertThatThrownBy(call)
                .as("%s must refuse '%s' with UnsupportedOperatorException", database(), operator)
                .isInstanceOf(UnsupportedOperatorException.class)
                .satisfies(e -> assertThat(((UnsupportedOperatorException) e).operator()).isEqualTo(operator));
    }
}
