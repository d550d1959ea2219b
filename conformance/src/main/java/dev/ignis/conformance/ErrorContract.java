package dev.ignis.conformance;

import dev.ignis.api.error.ConflictException;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.NotFoundException;
import dev.ignis.api.error.ReadOnlyModelException;
import dev.ignis.api.error.WriteGuardException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.conformance.model.Person;
import dev.ignis.conformance.model.PersonView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input gets a typed error that names what was wrong, and nothing half-written stays: unknown names, wrong
 * value types, missing ids, integrity violations, the write guard and writes on views.
 */
public interface ErrorContract extends ConformanceFixture {

    private static FilterException filterError(Throwable e) {
        assertThat(e).isInstanceOf(FilterException.class);
        return (FilterException) e;
    }

    // ---- unknown names

    @Test
    default void anUnknownFieldInWhereNamesThePathAndTheValidNames() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.where("nope", 1))).satisfies(e -> {
            FilterException f = filterError(e);
            assertThat(f.path()).isEqualTo("where.nope");
            assertThat(f.validNames()).contains("id", "name", "code", "age", "createdAt", "modifiedBy");
            assertThat(f.getMessage()).contains("nope");
        });
        assertThatThrownBy(() -> persons().count(Where.gt("nope", 1)))
                .satisfies(e -> assertThat(filterError(e).path()).isEqualTo("where.nope.gt"));
    }

    @Test
    default void anUnknownFieldDeepInsideWhereNamesItsFullPath() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"or\":[{\"age\":1},{\"and\":[{\"code\":\"x\"},{\"nope\":{\"gt\":1}}]}]}}")))
                .satisfies(e -> assertThat(filterError(e).path()).isEqualTo("where.or[1].and[1].nope.gt"));
    }

    @Test
    default void anUnknownOperatorOrKeyIsAFilterErrorListingTheValidOnes() {
        assertThatThrownBy(() -> Filter.parse("{\"where\":{\"age\":{\"greater\":1}}}")).satisfies(e -> {
            FilterException f = filterError(e);
            assertThat(f.path()).isEqualTo("where.age.greater");
            assertThat(f.validNames()).contains("gt", "inq", "between", "ilike");
        });
        assertThatThrownBy(() -> Filter.parse("{\"wher\":{}}"))
                .satisfies(e -> assertThat(filterError(e).validNames()).contains("where", "order"));
        assertThatThrownBy(() -> Filter.parse("{\"where\":")).isInstanceOf(FilterException.class);
    }

    @Test
    default void anUnknownPropertyInUpdateDataIsAFilterError() {
        seedPeople();

        assertThatThrownBy(() -> persons().updateById("id-p1", Map.of("nope", 1)))
                .satisfies(e -> assertThat(filterError(e).path()).isEqualTo("data.nope"));
        assertThatThrownBy(() -> persons().updateAll(Map.of("nope", 1), Where.eq("code", "p1")))
                .isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> persons().updateById("id-p1", Map.of()))
                .isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> persons().updateById("id-p1", Map.of("id", "other")))
                .isInstanceOf(FilterException.class);
        assertThat(persons().findById("id-p1")).isPresent();
    }

    // ---- wrong value types

    @Test
    default void aStringThatIsNotANumberIsAFilterError() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"age\":\"abc\"}}"))).satisfies(e -> {
            FilterException f = filterError(e);
            assertThat(f.path()).isEqualTo("where.age");
            assertThat(f.getMessage()).contains("age").contains("abc");
        });
        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"score\":{\"gt\":\"lots\"}}}")))
                .satisfies(e -> assertThat(filterError(e).path()).isEqualTo("where.score.gt"));
        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"age\":{\"inq\":[1,\"two\"]}}}")))
                .satisfies(e -> assertThat(filterError(e).path()).isEqualTo("where.age.inq[1]"));
        assertThatThrownBy(() -> persons().updateById("id-p1", Map.of("age", "abc")))
                .satisfies(e -> assertThat(filterError(e).path()).isEqualTo("data.age"));
        assertThat(persons().getById("id-p1").getAge()).isEqualTo(30);
    }

    @Test
    default void otherWrongValueTypesAreFilterErrors() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"age\":3000000000}}")))
                .as("out of range for an Integer").isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"age\":1.5}}")))
                .as("not a whole number").isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"active\":\"yes\"}}")))
                .isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"lastSeen\":{\"gt\":\"yesterday\"}}}")))
                .satisfies(e -> assertThat(filterError(e).path()).isEqualTo("where.lastSeen.gt"));
        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"birthDate\":\"31/12/1983\"}}")))
                .isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> persons().find(Filter.parse("{\"where\":{\"name\":5}}")))
                .as("a number is not a string").isInstanceOf(FilterException.class);
    }

    // ---- missing rows

    @Test
    default void updateByIdOfAMissingIdIsNotFound() {
        seedPeople();

        assertThatThrownBy(() -> persons().updateById("no-such-id", Map.of("age", 1)))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).id()).isEqualTo("no-such-id"));
        assertThat(persons().count(Where.eq("age", 1))).isZero();
    }

    @Test
    default void deleteByIdOfAMissingIdIsNotFound() {
        seedPeople();

        assertThatThrownBy(() -> persons().deleteById("no-such-id"))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).id()).isEqualTo("no-such-id"));
        assertThat(persons().count()).isEqualTo(6);
        assertThatThrownBy(() -> counters().deleteById(123456)).isInstanceOf(NotFoundException.class);
    }

    // ---- integrity

    @Test
    default void aDuplicateUniqueValueIsAConflict() {
        seedPeople();

        assertThatThrownBy(() -> persons().create(Person.of("p1", "Second p1"))).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).sqlState()).startsWith("23"));
        assertThatThrownBy(() -> persons().updateById("id-p2", Map.of("code", "p1"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> persons().create(Person.of("p9", "Same id").id("id-p1"))).isInstanceOf(ConflictException.class);
        assertThat(persons().count()).isEqualTo(6);
        assertThat(persons().getById("id-p2").getCode()).isEqualTo("p2");
    }

    @Test
    default void aNullInANotNullColumnIsAConflict() {
        seedPeople();

        assertThatThrownBy(() -> persons().create(Person.of("p9", null))).isInstanceOf(ConflictException.class);
        java.util.HashMap<String, Object> data = new java.util.HashMap<>();
        data.put("name", null);
        assertThatThrownBy(() -> persons().updateById("id-p1", data)).isInstanceOf(ConflictException.class);
        assertThat(persons().count()).isEqualTo(6);
        assertThat(persons().getById("id-p1").getName()).isEqualTo("Alice");
    }

    // ---- write guard

    @Test
    default void updateAllWithAnEmptyWhereNeedsForce() {
        seedPeople();

        assertThatThrownBy(() -> persons().updateAll(Map.of("age", 1), Where.empty())).isInstanceOf(WriteGuardException.class);
        assertThatThrownBy(() -> persons().updateAll(Map.of("age", 1), null)).isInstanceOf(WriteGuardException.class);
        assertThatThrownBy(() -> persons().updateBy(Map.of("age", 1), Where.empty())).isInstanceOf(WriteGuardException.class);
        assertThatThrownBy(() -> persons().updateAll(Map.of("age", 1), Where.empty(), WriteOptions.noReturn()))
                .isInstanceOf(WriteGuardException.class);
        assertThat(persons().count(Where.eq("age", 1))).isZero();

        assertThat(persons().updateAll(Map.of("age", 1), Where.empty(), WriteOptions.forced()).count()).isEqualTo(6);
    }

    @Test
    default void deleteAllWithAnEmptyWhereNeedsForce() {
        seedPeople();

        assertThatThrownBy(() -> persons().deleteAll(Where.empty())).isInstanceOf(WriteGuardException.class);
        assertThatThrownBy(() -> persons().deleteAll(null)).isInstanceOf(WriteGuardException.class);
        assertThatThrownBy(() -> persons().deleteBy(Where.empty())).isInstanceOf(WriteGuardException.class);
        assertThat(persons().count()).isEqualTo(6);

        assertThat(persons().deleteAll(null, WriteOptions.forced()).count()).isEqualTo(6);
        assertThat(persons().count()).isZero();
    }

    // ---- views

    @Test
    default void viewModelsRefuseEveryWrite() {
        seedPeople();
        // A ViewRepository has no write methods; a CrudRepository bound to a VIEW model must refuse them.
        CrudRepository<PersonView, String> writable = new CrudRepository<>(mainDataSource(), PersonView.class);
        PersonView row = new PersonView();
        row.setId("v1");
        row.setCode("v1");

        assertThatThrownBy(() -> writable.create(row)).isInstanceOf(ReadOnlyModelException.class);
        assertThatThrownBy(() -> writable.createAll(List.of(row))).isInstanceOf(ReadOnlyModelException.class);
        assertThatThrownBy(() -> writable.updateById("id-p1", Map.of("name", "x"))).isInstanceOf(ReadOnlyModelException.class);
        assertThatThrownBy(() -> writable.updateAll(Map.of("name", "x"), Where.eq("code", "p1")))
                .isInstanceOf(ReadOnlyModelException.class);
        assertThatThrownBy(() -> writable.deleteById("id-p1")).isInstanceOf(ReadOnlyModelException.class);
        assertThatThrownBy(() -> writable.deleteAll(Where.empty(), WriteOptions.forced())).isInstanceOf(ReadOnlyModelException.class);

        assertThat(writable.count()).isEqualTo(3);
        assertThat(persons().getById("id-p1").getName()).isEqualTo("Alice");
    }
}
