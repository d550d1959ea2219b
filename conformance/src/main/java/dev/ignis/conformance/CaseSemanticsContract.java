package dev.ignis.conformance;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.conformance.model.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * String comparisons mean the same on every database, whatever its collation: {@code eq}, {@code neq}, {@code inq},
 * {@code nin}, {@code like}, {@code nlike} and {@code regexp} are case-sensitive and {@code =} does not ignore
 * trailing spaces; {@code ilike}, {@code nilike} and {@code iregexp} ignore case.
 */
public interface CaseSemanticsContract extends ConformanceFixture {

    /** c1 "abc", c2 "ABC", c3 "abc " (trailing space), c4 "Abc", c5 "abd". */
    private void seedNames() {
        persons().createAll(List.of(Person.of("c1", "abc"), Person.of("c2", "ABC"), Person.of("c3", "abc "),
                Person.of("c4", "Abc"), Person.of("c5", "abd")));
    }

    private List<String> found(Where where) {
        return Samples.sortedCodes(persons().find(Filter.where(where)));
    }

    @Test
    default void eqIsCaseSensitive() {
        seedNames();

        assertThat(found(Where.eq("name", "abc"))).containsExactly("c1");
        assertThat(found(Where.eq("name", "ABC"))).containsExactly("c2");
        assertThat(found(Where.eq("name", "aBC"))).isEmpty();
        assertThat(persons().count(Where.eq("name", "Abc"))).isEqualTo(1);
        assertThat(persons().existsWith(Where.eq("name", "ABc"))).isFalse();
    }

    @Test
    default void eqDoesNotIgnoreTrailingSpaces() {
        seedNames();

        assertThat(found(Where.eq("name", "abc"))).as("'abc' does not equal 'abc '").containsExactly("c1");
        assertThat(found(Where.eq("name", "abc "))).as("'abc ' does not equal 'abc'").containsExactly("c3");
        assertThat(found(Where.eq("name", "abc  "))).isEmpty();
    }

    @Test
    default void neqIsCaseSensitiveAndDoesNotIgnoreTrailingSpaces() {
        seedNames();

        assertThat(found(Where.neq("name", "abc"))).containsExactly("c2", "c3", "c4", "c5");
        assertThat(found(Where.neq("name", "abc "))).containsExactly("c1", "c2", "c4", "c5");
    }

    @Test
    default void inqAndNinAreCaseSensitiveAndDoNotIgnoreTrailingSpaces() {
        seedNames();

        assertThat(found(Where.in("name", List.of("abc")))).containsExactly("c1");
        assertThat(found(Where.in("name", List.of("abc", "ABC")))).containsExactly("c1", "c2");
        assertThat(found(Where.in("name", List.of("abc ")))).containsExactly("c3");
        assertThat(found(Where.nin("name", List.of("abc")))).containsExactly("c2", "c3", "c4", "c5");
        assertThat(found(Where.nin("name", List.of("ABC", "abd")))).containsExactly("c1", "c3", "c4");
    }

    @Test
    default void likeAndNlikeAreCaseSensitive() {
        seedNames();

        assertThat(found(Where.like("name", "ab%"))).containsExactly("c1", "c3", "c5");
        assertThat(found(Where.like("name", "A%"))).containsExactly("c2", "c4");
        assertThat(found(Where.like("name", "abc"))).as("like without wildcard does not pad").containsExactly("c1");
        assertThat(found(Where.like("name", "%C"))).containsExactly("c2");
        assertThat(found(Where.of("name", dev.ignis.api.filter.Operator.NLIKE, "ab%"))).containsExactly("c2", "c4");
    }

    @Test
    default void regexpIsCaseSensitive() {
        seedNames();

        assertThat(found(Where.of("name", dev.ignis.api.filter.Operator.REGEXP, "^ab"))).containsExactly("c1", "c3", "c5");
        assertThat(found(Where.of("name", dev.ignis.api.filter.Operator.REGEXP, "^abc$"))).containsExactly("c1");
        assertThat(found(Where.of("name", dev.ignis.api.filter.Operator.REGEXP, "C$"))).containsExactly("c2");
        assertThat(found(Where.of("name", dev.ignis.api.filter.Operator.REGEXP, "^[a-z]+$"))).containsExactly("c1", "c5");
    }

    @Test
    default void ilikeAndNilikeIgnoreCaseButNotTrailingSpaces() {
        seedNames();

        assertThat(found(Where.ilike("name", "abc"))).as("but still not trailing spaces").containsExactly("c1", "c2", "c4");
        assertThat(found(Where.ilike("name", "ABC%"))).containsExactly("c1", "c2", "c3", "c4");
        assertThat(found(Where.of("name", dev.ignis.api.filter.Operator.NILIKE, "abc%"))).containsExactly("c5");
    }

    @Test
    default void iregexpIgnoresCaseOfMixedCaseValues() {
        seedNames();

        assertThat(found(Where.of("name", dev.ignis.api.filter.Operator.IREGEXP, "^abc$"))).containsExactly("c1", "c2", "c4");
        assertThat(found(Where.of("name", dev.ignis.api.filter.Operator.IREGEXP, "^ABC"))).containsExactly("c1", "c2", "c3", "c4");
        assertThat(found(Where.of("name", dev.ignis.api.filter.Operator.IREGEXP, "D$"))).containsExactly("c5");
    }

    @Test
    default void updatesAndDeletesUseTheSameComparison() {
        seedNames();

        assertThat(persons().updateAll(Map.of("age", 1), Where.eq("name", "abc")).count()).isEqualTo(1);
        assertThat(persons().deleteAll(Where.eq("name", "ABC")).count()).isEqualTo(1);
        assertThat(Samples.sortedCodes(persons().find())).containsExactly("c1", "c3", "c4", "c5");
    }

    @Test
    default void uniqueValuesThatDifferOnlyInCaseOrTrailingSpacesAreDistinct() {
        persons().createAll(List.of(Person.of("k1", "lower"), Person.of("K1", "upper"), Person.of("k1 ", "padded")));

        assertThat(persons().count()).isEqualTo(3);
        assertThat(Samples.codes(persons().find(Filter.where("code", "k1")))).containsExactly("k1");
        assertThat(Samples.codes(persons().find(Filter.where("code", "k1 ")))).containsExactly("k1 ");
    }
}
