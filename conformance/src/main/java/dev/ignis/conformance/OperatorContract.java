package dev.ignis.conformance;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.filter.Where;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operator of the filter language on the {@link Samples#people()} rows, with the edge cases: nulls,
 * empty lists, inclusive and reversed ranges, wildcards. Rows are compared as sorted codes.
 */
public interface OperatorContract extends ConformanceFixture {

    /** The sorted codes of the people a JSON filter document finds. */
    private List<String> found(String json) {
        return Samples.sortedCodes(persons().find(Filter.parse(json)));
    }

    private List<String> found(Where where) {
        return Samples.sortedCodes(persons().find(Filter.where(where)));
    }

    @Test
    default void eqMatchesEqualValuesOfEveryKind() {
        seedPeople();

        assertThat(found("{\"where\":{\"name\":\"Bob\"}}")).containsExactly("p3");
        assertThat(found("{\"where\":{\"age\":30}}")).containsExactly("p1");
        assertThat(found("{\"where\":{\"age\":{\"eq\":30}}}")).containsExactly("p1");
        assertThat(found("{\"where\":{\"score\":20}}")).as("20 equals 20.00").containsExactly("p2");
        assertThat(found("{\"where\":{\"score\":15.25}}")).containsExactly("p3");
        assertThat(found("{\"where\":{\"active\":false}}")).containsExactly("p2", "p6");
        assertThat(found("{\"where\":{\"status\":\"ACTIVE\"}}")).containsExactly("p1", "p4");
        assertThat(found("{\"where\":{\"birthDate\":\"1983-12-31\"}}")).containsExactly("p4");
        assertThat(found("{\"where\":{\"lastSeen\":\"2024-02-01T00:00:00Z\"}}")).containsExactly("p3");
        assertThat(found("{\"where\":{\"lastSeen\":\"2024-02-01T01:00:00+01:00\"}}")).as("same instant, other offset")
                .containsExactly("p3");
        assertThat(found("{\"where\":{\"id\":\"id-p5\"}}")).containsExactly("p5");
        assertThat(found(Where.eq("age", 41))).containsExactly("p4");
    }

    @Test
    default void eqNullMeansIsNull() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":null}}")).containsExactly("p3");
        assertThat(found("{\"where\":{\"age\":{\"eq\":null}}}")).containsExactly("p3");
        assertThat(found("{\"where\":{\"status\":null}}")).containsExactly("p5");
        assertThat(found(Where.eq("lastSeen", null))).containsExactly("p2", "p5");
    }

    @Test
    default void neqExcludesTheValueAndNulls() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"neq\":30}}}")).as("SQL <>: NULL ages do not match")
                .containsExactly("p2", "p4", "p5", "p6");
        assertThat(found("{\"where\":{\"age\":{\"ne\":30}}}")).as("'ne' is an alias").containsExactly("p2", "p4", "p5", "p6");
        assertThat(found("{\"where\":{\"active\":{\"neq\":true}}}")).containsExactly("p2", "p6");
        assertThat(found(Where.neq("status", "PENDING"))).containsExactly("p1", "p3", "p4");
    }

    @Test
    default void neqNullMeansIsNotNull() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"neq\":null}}}")).containsExactly("p1", "p2", "p4", "p5", "p6");
        assertThat(found(Where.neq("score", null))).containsExactly("p1", "p2", "p3", "p5", "p6");
    }

    @Test
    default void orderingComparisonsOnNumbers() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"gt\":30}}}")).containsExactly("p4", "p5");
        assertThat(found("{\"where\":{\"age\":{\"gte\":30}}}")).containsExactly("p1", "p4", "p5");
        assertThat(found("{\"where\":{\"age\":{\"lt\":25}}}")).containsExactly("p6");
        assertThat(found("{\"where\":{\"age\":{\"lte\":25}}}")).containsExactly("p2", "p6");
        assertThat(found("{\"where\":{\"score\":{\"gt\":15.25}}}")).containsExactly("p2", "p6");
        assertThat(found("{\"where\":{\"score\":{\"gte\":\"15.25\"}}}")).as("numeric strings convert")
                .containsExactly("p2", "p3", "p6");
        assertThat(found("{\"where\":{\"score\":{\"lt\":10.5}}}")).containsExactly("p5");
    }

    @Test
    default void orderingComparisonsOnDatesTimestampsAndStrings() {
        seedPeople();

        assertThat(found("{\"where\":{\"birthDate\":{\"lt\":\"1990-01-01\"}}}")).containsExactly("p4", "p5");
        assertThat(found("{\"where\":{\"birthDate\":{\"gte\":\"1999-01-15\"}}}")).containsExactly("p2", "p6");
        assertThat(found("{\"where\":{\"lastSeen\":{\"gte\":\"2024-01-01T10:00:00Z\"}}}")).containsExactly("p1", "p3", "p6");
        assertThat(found("{\"where\":{\"lastSeen\":{\"lt\":\"2024-01-01T10:00:00Z\"}}}")).containsExactly("p4");
        assertThat(found("{\"where\":{\"code\":{\"gt\":\"p4\"}}}")).containsExactly("p5", "p6");
        assertThat(found("{\"where\":{\"code\":{\"lte\":\"p2\"}}}")).containsExactly("p1", "p2");
    }

    @Test
    default void isAndIsnCompareWithNull() {
        seedPeople();

        assertThat(found("{\"where\":{\"lastSeen\":{\"is\":null}}}")).containsExactly("p2", "p5");
        assertThat(found("{\"where\":{\"lastSeen\":{\"isn\":null}}}")).containsExactly("p1", "p3", "p4", "p6");
        assertThat(found(Where.isNull("birthDate"))).containsExactly("p3");
        assertThat(found(Where.isNotNull("birthDate"))).containsExactly("p1", "p2", "p4", "p5", "p6");
    }

    @Test
    default void isAndIsnCompareBooleansWithTrueAndFalse() {
        seedPeople();

        assertThat(found("{\"where\":{\"active\":{\"is\":true}}}")).containsExactly("p1", "p3", "p5");
        assertThat(found("{\"where\":{\"active\":{\"is\":false}}}")).containsExactly("p2", "p6");
        assertThat(found("{\"where\":{\"active\":{\"isn\":true}}}")).as("IS NOT TRUE includes NULL")
                .containsExactly("p2", "p4", "p6");
        assertThat(found("{\"where\":{\"active\":{\"isn\":false}}}")).as("IS NOT FALSE includes NULL")
                .containsExactly("p1", "p3", "p4", "p5");
        assertThat(found("{\"where\":{\"active\":{\"is\":null}}}")).containsExactly("p4");
    }

    @Test
    default void isWithABooleanOnANonBooleanPropertyIsAFilterError() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"age\":{\"is\":true}}}")))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("where.age.is"));
    }

    @Test
    default void inqMatchesAnyListedValue() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"inq\":[25,41,99]}}}")).containsExactly("p2", "p4");
        assertThat(found("{\"where\":{\"age\":{\"in\":[25,41]}}}")).as("'in' is an alias").containsExactly("p2", "p4");
        assertThat(found("{\"where\":{\"age\":[25,41]}}")).as("an array value means inq").containsExactly("p2", "p4");
        assertThat(found("{\"where\":{\"status\":{\"inq\":[\"ACTIVE\",\"BLOCKED\"]}}}")).containsExactly("p1", "p3", "p4");
        assertThat(found("{\"where\":{\"code\":{\"inq\":[\"p6\"]}}}")).containsExactly("p6");
        assertThat(found(Where.in("name", List.of("Bob", "Carol", "Nobody")))).containsExactly("p3", "p4");
    }

    @Test
    default void inqWithAnEmptyListMatchesNothing() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"inq\":[]}}}")).isEmpty();
        assertThat(found(Where.in("code", List.of()))).isEmpty();
        assertThat(persons().count(Where.in("code", List.of()))).isZero();
    }

    @Test
    default void ninExcludesListedValuesAndNulls() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"nin\":[25,30]}}}")).as("NOT IN: NULL ages do not match")
                .containsExactly("p4", "p5", "p6");
        assertThat(found(Where.nin("code", List.of("p1", "p2", "p3")))).containsExactly("p4", "p5", "p6");
    }

    @Test
    default void ninWithAnEmptyListMatchesEverything() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"nin\":[]}}}")).as("even rows whose value is NULL")
                .containsExactly("p1", "p2", "p3", "p4", "p5", "p6");
        assertThat(persons().count(Where.nin("code", List.of()))).isEqualTo(6);
    }

    @Test
    default void nullInsideBetweenIsAFilterError() {
        assertThatThrownBy(() -> Filter.parse("{\"where\":{\"age\":{\"between\":[30,null]}}}"))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("where.age.between[1]"));
    }

    @Test
    default void betweenIsInclusiveOnBothEnds() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"between\":[25,35]}}}")).containsExactly("p1", "p2", "p5");
        assertThat(found("{\"where\":{\"score\":{\"between\":[10.5,20]}}}")).containsExactly("p1", "p2", "p3");
        assertThat(found("{\"where\":{\"birthDate\":{\"between\":[\"1989-07-04\",\"1999-01-15\"]}}}"))
                .containsExactly("p1", "p2", "p5");
        assertThat(found("{\"where\":{\"lastSeen\":{\"between\":[\"2024-01-01T10:00:00Z\",\"2024-02-01T00:00:00Z\"]}}}"))
                .containsExactly("p1", "p3");
        assertThat(found(Where.between("code", "p2", "p4"))).containsExactly("p2", "p3", "p4");
    }

    @Test
    default void betweenWithReversedBoundsMatchesNothing() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"between\":[35,25]}}}")).isEmpty();
    }

    @Test
    default void betweenWithTheSameBoundsIsEquality() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"between\":[30,30]}}}")).containsExactly("p1");
    }

    @Test
    default void notBetweenExcludesTheRangeAndNulls() {
        seedPeople();

        assertThat(found("{\"where\":{\"age\":{\"notBetween\":[25,35]}}}")).containsExactly("p4", "p6");
        assertThat(found(Where.of("code", Operator.NOT_BETWEEN, List.of("p2", "p5")))).containsExactly("p1", "p6");
    }

    @Test
    default void betweenNeedsExactlyTwoValues() {
        assertThatThrownBy(() -> Filter.parse("{\"where\":{\"age\":{\"between\":[1]}}}"))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("where.age.between"));
        seedPeople();
        assertThatThrownBy(() -> persons().find(Filter.where(Where.of("age", Operator.BETWEEN, List.of(1, 2, 3)))))
                .isInstanceOf(FilterException.class);
    }

    @Test
    default void likeMatchesPercentAndUnderscoreWildcards() {
        seedPeople();

        assertThat(found("{\"where\":{\"name\":{\"like\":\"A%\"}}}")).containsExactly("p1");
        assertThat(found("{\"where\":{\"name\":{\"like\":\"%a%\"}}}")).containsExactly("p2", "p4", "p5");
        assertThat(found("{\"where\":{\"name\":{\"like\":\"B_b\"}}}")).containsExactly("p3");
        assertThat(found("{\"where\":{\"name\":{\"like\":\"%100%\"}}}")).containsExactly("p6");
        assertThat(found("{\"where\":{\"name\":{\"like\":\"Bob\"}}}")).as("no wildcard: whole value").containsExactly("p3");
        assertThat(found(Where.like("code", "p_"))).hasSize(6);
    }

    @Test
    default void nlikeExcludesMatches() {
        seedPeople();

        assertThat(found("{\"where\":{\"name\":{\"nlike\":\"A%\"}}}")).containsExactly("p2", "p3", "p4", "p5", "p6");
        assertThat(found("{\"where\":{\"name\":{\"nlike\":\"%e%\"}}}")).containsExactly("p3", "p4");
    }

    @Test
    default void ilikeAndNilikeIgnoreCase() {
        seedPeople();

        assertThat(found("{\"where\":{\"name\":{\"ilike\":\"a%\"}}}")).containsExactly("p1", "p2");
        assertThat(found("{\"where\":{\"name\":{\"ilike\":\"%O%\"}}}")).containsExactly("p3", "p4");
        assertThat(found(Where.ilike("name", "BOB"))).containsExactly("p3");
        assertThat(found("{\"where\":{\"name\":{\"nilike\":\"a%\"}}}")).containsExactly("p3", "p4", "p5", "p6");
    }

    @Test
    default void regexpMatchesPatterns() {
        seedPeople();

        assertThat(found("{\"where\":{\"name\":{\"regexp\":\"^A\"}}}")).containsExactly("p1");
        assertThat(found("{\"where\":{\"name\":{\"regexp\":\"ce$\"}}}")).containsExactly("p1", "p2");
        assertThat(found("{\"where\":{\"name\":{\"regexp\":\"^[A-C]\"}}}")).containsExactly("p1", "p3", "p4");
        assertThat(found("{\"where\":{\"name\":{\"regexp\":\"[0-9]+%$\"}}}")).containsExactly("p6");
        assertThat(found("{\"where\":{\"name\":{\"regexp\":\"_x$\"}}}")).as("'_' is literal in a regexp").containsExactly("p5");
        assertThat(found("{\"where\":{\"name\":{\"regexp\":\"^(Bob|Carol)$\"}}}")).containsExactly("p3", "p4");
    }

    @Test
    default void iregexpIgnoresCase() {
        seedPeople();

        assertThat(found("{\"where\":{\"name\":{\"iregexp\":\"^a\"}}}")).containsExactly("p1", "p2");
        assertThat(found("{\"where\":{\"name\":{\"iregexp\":\"^BOB$\"}}}")).containsExactly("p3");
    }

    @Test
    default void patternOperatorsApplyToStringsOnly() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"age\":{\"like\":\"3%\"}}}")))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("where.age.like"));
        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"active\":{\"gt\":false}}}")))
                .isInstanceOf(FilterException.class);
    }

    @Test
    default void comparisonsWithNullAreAFilterError() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"age\":{\"gt\":null}}}")))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("where.age.gt"));
        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"name\":{\"like\":null}}}")))
                .isInstanceOf(FilterException.class);
    }

    @Test
    default void andOrNestAndSiblingKeysAreAnded() {
        seedPeople();

        assertThat(found("{\"where\":{\"active\":true,\"age\":{\"gt\":30}}}")).containsExactly("p5");
        assertThat(found("{\"where\":{\"age\":{\"gt\":20,\"lt\":31}}}")).as("two operators on one field are AND-ed")
                .containsExactly("p1", "p2");
        assertThat(found("{\"where\":{\"or\":[{\"age\":{\"lt\":20}},{\"and\":[{\"active\":true},{\"status\":\"BLOCKED\"}]}]}}"))
                .containsExactly("p3", "p6");
        assertThat(found("{\"where\":{\"and\":[{\"or\":[{\"code\":\"p1\"},{\"code\":\"p2\"}]},{\"or\":[{\"age\":25},{\"age\":41}]}]}}"))
                .containsExactly("p2");
        assertThat(found(Where.or(Where.eq("code", "p1"), Where.and(Where.isNull("age"), Where.eq("active", true)))))
                .containsExactly("p1", "p3");
    }

    @Test
    default void emptyAndMatchesEverythingAndEmptyOrNothing() {
        seedPeople();

        assertThat(found("{\"where\":{\"and\":[]}}")).hasSize(6);
        assertThat(found("{\"where\":{\"or\":[]}}")).isEmpty();
        assertThat(found("{\"where\":{}}")).hasSize(6);
    }

    @Test
    default void enumValuesAreCheckedAgainstTheirConstants() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.where("status", "GONE")))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).validNames()).contains("PENDING", "ACTIVE", "BLOCKED"));
    }
}
