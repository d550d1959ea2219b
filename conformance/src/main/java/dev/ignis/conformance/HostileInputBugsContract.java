package dev.ignis.conformance;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.WriteGuardException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.conformance.model.HzNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * One minimal test per engine bug the hostile-input contracts found ({@link KnownEngineBugs} lists them with the id used
 * in the {@code @Disabled} reason). Each says what should happen. They are disabled until the engine is fixed, so the
 * build stays green; run them anyway with {@code -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition}.
 * When one passes, remove its {@code @Disabled} and its {@link KnownEngineBugs} entry: the fuzzer then fails on it again.
 */
public interface HostileInputBugsContract extends HostileInputFixture {

    /** The call either returns (the result is checked) or throws a FilterException with a path; nothing else. */
    private <T> void runsOrFilterError(String what, Supplier<T> call, java.util.function.Consumer<T> check) {
        Object outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                return (Object) call.get();
            } catch (RuntimeException | StackOverflowError e) {
                return e;
            }
        }, what);
        if (outcome instanceof Throwable e) {
            assertThat(e).as("%s on %s: %s", what, database(), FilterFuzzRun.stackTrace(e)).isInstanceOf(FilterException.class);
            assertThat(((FilterException) e).path()).as(what).isNotBlank();
        } else {
            @SuppressWarnings("unchecked")
            T result = (T) outcome;
            try {
                check.accept(result);
            } catch (AssertionError wrong) {
                throw new AssertionError(what + " on " + database() + " ran but returned a wrong result: " + wrong.getMessage(), wrong);
            }
        }
    }

    private FilterException filterError(String what, Runnable call) {
        Throwable caught = null;
        try {
            call.run();
        } catch (Throwable e) {
            caught = e;
        }
        assertThat(caught).as("%s on %s: %s", what, database(), caught == null ? "no error" : FilterFuzzRun.stackTrace(caught))
                .isInstanceOf(FilterException.class);
        return (FilterException) caught;
    }

    private List<HzNode> nodes(String json) {
        return hostile().nodes().find(Filter.parse(json));
    }

    @Test
    default void anInvalidRegularExpressionIsAFilterError() {
        hostile().seed();
        FilterException e = filterError("regexp \"(\"", () -> nodes("{\"where\":{\"label\":{\"regexp\":\"(\"}}}"));
        assertThat(e.path()).isEqualTo("where.label.regexp");
        assertThat(filterError("iregexp \"a{2,1}\"", () -> nodes("{\"where\":{\"label\":{\"iregexp\":\"a{2,1}\"}}}")).path())
                .isEqualTo("where.label.iregexp");
    }

    /** Not a bug (checked on all three databases): kept as a regression test. */
    @Test
    default void aDanglingLikeEscapeIsAFilterErrorOrMatchesLiterally() {
        hostile().seed();
        // pattern a\ (trailing escape) and \q (escape before an ordinary character)
        runsOrFilterError("like a\\", () -> nodes("{\"where\":{\"label\":{\"like\":\"a\\\\\"}}}"), rows -> assertThat(rows).isEmpty());
        runsOrFilterError("like \\q", () -> nodes("{\"where\":{\"label\":{\"like\":\"\\\\q%\"}}}"), rows -> assertThat(rows).isEmpty());
    }

    @Test
    default void aListLongerThanTheDatabaseBindsIsAFilterErrorNamingTheLimit() {
        hostile().seed();
        StringBuilder doc = new StringBuilder("{\"where\":{\"rank\":{\"inq\":[");
        for (int i = 0; i < 70_000; i++) {
            doc.append(i == 0 ? "" : ",").append(i % 10);
        }
        doc.append("]}}}");
        runsOrFilterError("inq of 70,000 values", () -> nodes(doc.toString()),
                rows -> assertThat(rows).extracting(HzNode::getId).containsExactlyInAnyOrder("n1", "n2", "n3", "n4", "n5", "n6", "n7"));
    }

    @Test
    default void aRelatedFieldKeyEndingInADotIsAFilterError() {
        hostile().seed();
        assertThat(filterError("{\"parent.\": \"x\"}", () -> nodes("{\"where\":{\"parent.\":\"x\"}}")).path()).isEqualTo("where.parent.");
    }

    @Test
    default void anEmptyOrBlankTopLevelKeyHasAPath() {
        for (String key : List.of("", " ", "\t")) {
            FilterException e = filterError("top-level key '" + key + "'", () -> Filter.parse("{" + FilterFuzzer.quoteJson(key) + ":1}"));
            assertThat(e.path()).as("path of key '%s'", key).isNotBlank();
        }
    }

    @Test
    default void aNumberWithAnExponentBeyondAnIntIsAFilterError() {
        for (String number : List.of("1e9999999999", "4.9e-3345678901234567890")) {
            assertThat(filterError(number, () -> Filter.parse("{\"where\":{\"rank\":" + number + "}}")).path()).isEqualTo("$");
        }
    }

    @Test
    default void aNulCharacterInAValueIsAFilterErrorOrMatchesNothing() {
        hostile().seed();
        runsOrFilterError("label = \"a\\u0000b\"", () -> hostile().nodes().find(Filter.where("label", "a\u0000b")),
                rows -> assertThat(rows).isEmpty());
        runsOrFilterError("label like \"%\\u0000%\"", () -> nodes("{\"where\":{\"label\":{\"like\":\"%\\u0000%\"}}}"),
                rows -> assertThat(rows).isEmpty());
    }

    @Test
    default void aDateTheDatabaseCannotHoldIsAFilterErrorOrMatchesNothing() {
        hostile().seed();
        runsOrFilterError("day >= +999999999-12-31", () -> nodes("{\"where\":{\"day\":{\"gte\":\"+999999999-12-31\"}}}"),
                rows -> assertThat(rows).isEmpty());
        runsOrFilterError("seenAt < -999999999-01-01T00:00:00Z", () -> nodes("{\"where\":{\"seenAt\":{\"lt\":\"-999999999-01-01T00:00:00Z\"}}}"),
                rows -> assertThat(rows).isEmpty());
    }

    @Test
    default void aJsonPathComparedWithANumberSkipsRowsWhoseValueIsNotANumber() {
        hostile().seed();
        // n1 has meta.n = 3, n2 has 10, n3 has "text"
        runsOrFilterError("meta.n > 1", () -> nodes("{\"where\":{\"meta.n\":{\"gt\":1}}}"),
                rows -> assertThat(rows).extracting(HzNode::getId).containsExactlyInAnyOrder("n1", "n2"));
    }

    @Test
    default void aJsonPathListMixingNumbersAndOtherValuesIsAFilterErrorOrRuns() {
        hostile().seed();
        runsOrFilterError("meta.n inq [3, false]", () -> nodes("{\"where\":{\"meta.n\":{\"inq\":[3,false]}}}"),
                rows -> assertThat(rows).extracting(HzNode::getId).containsExactly("n1"));
        runsOrFilterError("meta.n nin [10.5, \"x\"]", () -> nodes("{\"where\":{\"meta.n\":{\"nin\":[10.5,\"x\"]}}}"), rows -> { });
    }

    @Test
    default void aJsonPathDeeperThanTheDatabaseAllowsIsAFilterErrorOrMatchesNothing() {
        hostile().seed();
        String path = "meta" + ".a".repeat(40);
        runsOrFilterError("a JSON path of 40 segments = \"x\"", () -> nodes("{\"where\":{\"" + path + "\":\"x\"}}"),
                rows -> assertThat(rows).isEmpty());
        runsOrFilterError("a JSON path of 40 segments = 1.5", () -> nodes("{\"where\":{\"" + path + "\":1.5}}"),
                rows -> assertThat(rows).isEmpty());
        runsOrFilterError("order by a JSON path of 40 segments", () -> nodes("{\"order\":\"" + path + " DESC\"}"),
                rows -> assertThat(rows).hasSize(8));
        runsOrFilterError("updateAll where a JSON path of 40 segments = 1.5", () -> hostile().mainDataSource().transaction(tx -> {
            tx.setRollbackOnly();
            return hostile().nodes().updateAll(Map.of("label", "x"), Filter.parse("{\"where\":{\"" + path + "\":1.5}}").where(),
                    WriteOptions.DEFAULT.withShouldReturn(false)).count();
        }), count -> assertThat(count).isZero());
    }

    @Test
    default void aDecimalWithAnExtremeExponentIsAFilterErrorOrMatchesNothing() {
        hostile().seed();
        for (String number : List.of("1e999999999", "-1e999999999", "1e-999999999")) {
            runsOrFilterError("weight = " + number, () -> nodes("{\"where\":{\"weight\":" + number + "}}"), rows -> assertThat(rows).isEmpty());
            runsOrFilterError("meta.n = " + number, () -> nodes("{\"where\":{\"meta.n\":{\"eq\":" + number + "}}}"), rows -> { });
        }
    }

    @Test
    default void relatedFieldKeysHaveADepthLimit() {
        hostile().seed();
        for (int hops : new int[]{200, 3_000}) {
            String doc = "{\"where\":{\"" + "parent.".repeat(hops) + "label\":\"root\"}}";
            runsOrFilterError(hops + " relations deep", () -> nodes(doc), rows -> assertThat(rows).isEmpty());
        }
    }

    @Test
    default void aWhereOfTenThousandConditionsIsAFilterErrorOrRuns() {
        hostile().seed();
        StringBuilder or = new StringBuilder("{\"where\":{\"or\":[");
        for (int i = 0; i < 10_000; i++) {
            or.append(i == 0 ? "" : ",").append("{\"rank\":").append(i).append('}');
        }
        or.append("]}}");
        runsOrFilterError("or of 10,000", () -> nodes(or.toString()), rows -> assertThat(rows).hasSize(7));
    }

    @Test
    default void theWriteGuardRefusesAWhereThatHoldsForEveryRow() {
        hostile().seed();
        for (String where : List.of("{\"where\":{\"and\":[{}]}}", "{\"where\":{\"or\":[{}]}}", "{\"where\":{\"and\":[{\"and\":[]}]}}")) {
            Where w = Filter.parse(where).where();
            Throwable[] caught = new Throwable[2];
            try {
                hostile().mainDataSource().transaction(tx -> {
                    tx.setRollbackOnly();
                    try {
                        hostile().nodes().updateAll(Map.of("label", "x"), w, WriteOptions.DEFAULT.withShouldReturn(false));
                    } catch (RuntimeException e) {
                        caught[0] = e;
                    }
                    try {
                        hostile().nodes().deleteAll(w, WriteOptions.DEFAULT.withShouldReturn(false));
                    } catch (RuntimeException e) {
                        caught[1] = e;
                    }
                    return null;
                });
            } finally {
                assertThat(hostile().nodes().count()).as("rolled back").isEqualTo(8);
            }
            assertThat(caught[0]).as("updateAll without force, %s", where).isInstanceOf(WriteGuardException.class);
            assertThat(caught[1]).as("deleteAll without force, %s", where).isInstanceOf(WriteGuardException.class);
        }
    }

    @Test
    default void aStringWithALoneSurrogateIsAFilterError() {
        hostile().seed();
        // the drivers send \udfff as '?', which a regular expression reads as a quantifier
        filterError("regexp with a lone surrogate", () -> nodes("{\"where\":{\"label\":{\"regexp\":\"c\\udfff\"}}}"));
        filterError("eq with a lone surrogate", () -> hostile().nodes().find(Filter.where("label", "x\ud800")));
    }
}
