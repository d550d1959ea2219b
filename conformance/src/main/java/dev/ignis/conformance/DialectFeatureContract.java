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

    @Test
    default void jsonPathSegmentsAreValidated() {
        seedDocs();

        assertThatThrownBy(() -> docs().find(Filter.parse("{\"where\":{\"meta.a-b\":\"x\"}}"))).isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> docs().find(Filter.parse("{\"where\":{\"meta.a;drop table x\":\"x\"}}"))).isInstanceOf(FilterException.class);
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
