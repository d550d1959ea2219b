package dev.ignis.conformance;

import dev.ignis.api.error.NotFoundException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.api.repository.WriteResult;
import dev.ignis.conformance.model.Counter;
import dev.ignis.conformance.model.Person;
import dev.ignis.conformance.model.PersonStatus;
import dev.ignis.conformance.model.PersonView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every method of {@code ViewRepository} and {@code CrudRepository}, on every kind of value. */
public interface RepositoryContract extends ConformanceFixture {

    // ---- create and read back

    @Test
    default void createReturnsTheStoredRowAndFindByIdReadsEveryValueBack() {
        WriteResult<Person> result = persons().create(Person.of("r1", "Rita").age(44).score("12.34").active(true)
                .status(PersonStatus.BLOCKED).birthDate("1980-02-29").lastSeen("2024-02-29T23:59:58Z"));

        assertThat(result.count()).isEqualTo(1);
        Person returned = result.single();
        assertThat(returned.getId()).isNotBlank();
        assertThat(returned.getCode()).isEqualTo("r1");

        Person read = persons().findById(returned.getId()).orElseThrow();
        assertThat(read.getId()).isEqualTo(returned.getId());
        assertThat(read.getName()).isEqualTo("Rita");
        assertThat(read.getCode()).isEqualTo("r1");
        assertThat(read.getAge()).isEqualTo(44);
        assertThat(read.getScore()).isEqualByComparingTo("12.34");
        assertThat(read.getActive()).isTrue();
        assertThat(read.getStatus()).isEqualTo(PersonStatus.BLOCKED);
        assertThat(read.getBirthDate()).isEqualTo(LocalDate.of(1980, 2, 29));
        assertThat(read.getLastSeen()).isEqualTo(Instant.parse("2024-02-29T23:59:58Z"));
    }

    @Test
    default void nullValuesReadBackAsNull() {
        String id = persons().create(Person.of("r2", "Nul")).single().getId();

        Person read = persons().getById(id);
        assertThat(read.getAge()).isNull();
        assertThat(read.getScore()).isNull();
        assertThat(read.getActive()).isNull();
        assertThat(read.getStatus()).isNull();
        assertThat(read.getBirthDate()).isNull();
        assertThat(read.getLastSeen()).isNull();
    }

    @Test
    default void timestampWithMicrosecondsReadsBackWithTheSameMicroseconds() {
        Instant micros = Instant.parse("2024-07-08T09:10:11.123456Z");
        String id = persons().create(Person.of("r3", "Micro").lastSeen(micros.toString())).single().getId();

        assertThat(persons().getById(id).getLastSeen())
                .as("a timestamp written with microseconds must read back with them on %s", database())
                .isEqualTo(micros);
        assertThat(persons().count(Where.eq("lastSeen", micros))).as("and compare equal to itself").isEqualTo(1);
        assertThat(persons().count(Where.gt("lastSeen", "2024-07-08T09:10:11.123455Z")))
                .as("a bound parameter keeps its microseconds too").isEqualTo(1);
        assertThat(persons().count(Where.lt("lastSeen", "2024-07-08T09:10:11.123457Z"))).isEqualTo(1);
        assertThat(persons().count(Where.gt("lastSeen", "2024-07-08T09:10:11.123456Z"))).isZero();
    }

    @Test
    default void createWithoutReturnGivesOnlyTheCount() {
        WriteResult<Person> result = persons().create(Person.of("r4", "Quiet"), WriteOptions.noReturn());

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.data()).isEmpty();
        assertThat(persons().count(Where.eq("code", "r4"))).isEqualTo(1);

        WriteResult<Person> all = persons().createAll(List.of(Person.of("r5", "A"), Person.of("r6", "B")), WriteOptions.noReturn());
        assertThat(all.count()).isEqualTo(2);
        assertThat(all.data()).isEmpty();
        assertThat(persons().count()).isEqualTo(3);
    }

    @Test
    default void repositoriesKnowTheirModelAndDataSource() {
        assertThat(persons().modelClass()).isEqualTo(Person.class);
        assertThat(persons().dataSource()).isSameAs(mainDataSource());
        assertThat(auxEntries().dataSource()).isSameAs(auxDataSource());
        assertThat(mainDataSource().isStarted()).isTrue();
        assertThat(mainDataSource().driver()).isEqualTo(database().driver());
        assertThat(mainDataSource().models()).contains(Person.class, PersonView.class).doesNotContain(dev.ignis.conformance.model.AuxEntry.class);
    }

    @Test
    default void createAllWritesEveryRowAndReturnsThemInOrder() {
        WriteResult<Person> result = persons().createAll(Samples.people());

        assertThat(result.count()).isEqualTo(6);
        assertThat(Samples.codes(result.data())).containsExactly("p1", "p2", "p3", "p4", "p5", "p6");
        assertThat(persons().count()).isEqualTo(6);
        assertThat(jdbcValue("select count(*) from " + q("cf_person"))).asString().isEqualTo("6");
    }

    @Test
    default void createAllOfNothingWritesNothing() {
        WriteResult<Person> result = persons().createAll(List.of());

        assertThat(result.count()).isZero();
        assertThat(result.data()).isEmpty();
        assertThat(persons().count()).isZero();
    }

    // ---- reads

    @Test
    default void findWithoutFilterReturnsEveryRow() {
        seedPeople();

        assertThat(Samples.sortedCodes(persons().find())).containsExactly("p1", "p2", "p3", "p4", "p5", "p6");
        assertThat(Samples.sortedCodes(persons().find(Filter.empty()))).hasSize(6);
        assertThat(Samples.sortedCodes(persons().find(Filter.empty(), QueryOptions.DEFAULT))).hasSize(6);
        assertThat(Samples.sortedCodes(persons().find(Filter.parse("{}")))).hasSize(6);
    }

    @Test
    default void typedAndParsedFiltersFindTheSameRows() {
        seedPeople();
        Filter typed = Filter.where(Where.gte("age", 25)).and("active", true).order("age DESC");
        Filter parsed = Filter.parse("{\"where\":{\"age\":{\"gte\":25},\"active\":true},\"order\":[\"age DESC\"]}");

        assertThat(codes(typed)).containsExactly("p5", "p1");
        assertThat(codes(parsed)).containsExactly("p5", "p1");
        assertThat(codes(Filter.parse(typed.toJson()))).containsExactly("p5", "p1");
    }

    @Test
    default void findOneReturnsTheFirstRowInOrderOrNothing() {
        seedPeople();

        assertThat(persons().findOne(Filter.where(Where.gt("age", 20)).order("age ASC")).map(Person::getCode)).contains("p2");
        assertThat(persons().findOne(Filter.where(Where.gt("age", 20)).order("age DESC")).map(Person::getCode)).contains("p4");
        assertThat(persons().findOne(Filter.where("code", "nobody"))).isEmpty();
    }

    @Test
    default void findByIdFindsOneRowOrNothing() {
        seedPeople();

        assertThat(persons().findById("id-p3").map(Person::getName)).contains("Bob");
        assertThat(persons().findById("no-such-id")).isEmpty();
    }

    @Test
    default void findByIdHonoursTheFiltersFieldsAndExtraConditions() {
        seedPeople();

        Person onlyName = persons().findById("id-p1", Filter.empty().fields("name")).orElseThrow();
        assertThat(onlyName.getName()).isEqualTo("Alice");
        assertThat(onlyName.getAge()).isNull();
        assertThat(onlyName.getCode()).isNull();

        assertThat(persons().findById("id-p1", Filter.where("active", true))).isPresent();
        assertThat(persons().findById("id-p1", Filter.where("active", false))).isEmpty();
    }

    @Test
    default void getByIdThrowsNotFoundForAMissingId() {
        seedPeople();

        assertThat(persons().getById("id-p2").getCode()).isEqualTo("p2");
        assertThatThrownBy(() -> persons().getById("no-such-id")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-id");
    }

    @Test
    default void countCountsAllOrMatchingRows() {
        seedPeople();

        assertThat(persons().count()).isEqualTo(6);
        assertThat(persons().count(Where.eq("active", true))).isEqualTo(3);
        assertThat(persons().count(Where.gt("age", 100))).isZero();
        assertThat(persons().count(Where.empty(), QueryOptions.DEFAULT)).isEqualTo(6);
    }

    @Test
    default void existsWithTellsWhetherAnyRowMatches() {
        seedPeople();

        assertThat(persons().existsWith(Where.eq("name", "Bob"))).isTrue();
        assertThat(persons().existsWith(Where.eq("name", "Zed"))).isFalse();
        assertThat(persons().existsWith(Where.empty())).isTrue();
        persons().deleteAll(Where.empty(), WriteOptions.forced());
        assertThat(persons().existsWith(Where.empty())).isFalse();
    }

    // ---- updates

    @Test
    default void updateByIdChangesTheRowAndReturnsIt() {
        seedPeople();

        WriteResult<Person> result = persons().updateById("id-p1", Map.of("age", 31, "status", "BLOCKED", "score", "1.25"));

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.single().getAge()).isEqualTo(31);
        assertThat(result.single().getStatus()).isEqualTo(PersonStatus.BLOCKED);
        Person read = persons().getById("id-p1");
        assertThat(read.getAge()).isEqualTo(31);
        assertThat(read.getStatus()).isEqualTo(PersonStatus.BLOCKED);
        assertThat(read.getScore()).isEqualByComparingTo("1.25");
        assertThat(read.getName()).as("untouched properties keep their values").isEqualTo("Alice");
        assertThat(persons().getById("id-p2").getAge()).as("other rows are untouched").isEqualTo(25);
    }

    @Test
    default void updateByIdCanSetNull() {
        seedPeople();
        Map<String, Object> data = new HashMap<>();
        data.put("age", null);
        data.put("lastSeen", null);

        persons().updateById("id-p1", data);

        assertThat(persons().getById("id-p1").getAge()).isNull();
        assertThat(persons().getById("id-p1").getLastSeen()).isNull();
    }

    @Test
    default void updateByIdWithoutReturnGivesOnlyTheCount() {
        seedPeople();

        WriteResult<Person> result = persons().updateById("id-p2", Map.of("name", "Alicia"), WriteOptions.noReturn());

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.data()).isEmpty();
        assertThat(persons().getById("id-p2").getName()).isEqualTo("Alicia");
    }

    @Test
    default void updateAllChangesMatchingRowsAndReturnsThem() {
        seedPeople();

        WriteResult<Person> result = persons().updateAll(Map.of("active", false), Where.eq("active", true));

        assertThat(result.count()).isEqualTo(3);
        assertThat(Samples.sortedCodes(result.data())).containsExactly("p1", "p3", "p5");
        assertThat(result.data()).allSatisfy(p -> assertThat(p.getActive()).isFalse());
        assertThat(persons().count(Where.eq("active", true))).isZero();
        assertThat(persons().count(Where.eq("active", false))).isEqualTo(5);
        assertThat(persons().getById("id-p4").getActive()).as("rows outside the where are untouched").isNull();
    }

    @Test
    default void updateByIsUpdateAll() {
        seedPeople();

        WriteResult<Person> result = persons().updateBy(Map.of("age", 50), Where.in("code", List.of("p1", "p2")));

        assertThat(result.count()).isEqualTo(2);
        assertThat(persons().count(Where.eq("age", 50))).isEqualTo(2);
    }

    @Test
    default void updateAllWithoutReturnGivesOnlyTheCount() {
        seedPeople();

        WriteResult<Person> result = persons().updateAll(Map.of("score", 1), Where.lt("age", 30), WriteOptions.noReturn());

        assertThat(result.count()).isEqualTo(2);
        assertThat(result.data()).isEmpty();
        assertThat(persons().getById("id-p6").getScore()).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    default void updateAllMatchingNothingChangesNothing() {
        seedPeople();

        WriteResult<Person> result = persons().updateAll(Map.of("age", 1), Where.eq("code", "nobody"));

        assertThat(result.count()).isZero();
        assertThat(result.data()).isEmpty();
        assertThat(persons().count(Where.eq("age", 1))).isZero();
    }

    // ---- deletes

    @Test
    default void deleteByIdRemovesTheRowAndReturnsIt() {
        seedPeople();

        WriteResult<Person> result = persons().deleteById("id-p3");

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.single().getCode()).isEqualTo("p3");
        assertThat(persons().findById("id-p3")).isEmpty();
        assertThat(persons().count()).isEqualTo(5);
    }

    @Test
    default void deleteByIdWithoutReturnGivesOnlyTheCount() {
        seedPeople();

        WriteResult<Person> result = persons().deleteById("id-p3", WriteOptions.noReturn());

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.data()).isEmpty();
        assertThat(persons().count()).isEqualTo(5);
    }

    @Test
    default void deleteAllRemovesMatchingRowsAndReturnsThem() {
        seedPeople();

        WriteResult<Person> result = persons().deleteAll(Where.eq("status", "PENDING"));

        assertThat(result.count()).isEqualTo(2);
        assertThat(Samples.sortedCodes(result.data())).containsExactly("p2", "p6");
        assertThat(Samples.sortedCodes(persons().find())).containsExactly("p1", "p3", "p4", "p5");
    }

    @Test
    default void deleteByIsDeleteAll() {
        seedPeople();

        assertThat(persons().deleteBy(Where.isNull("age")).count()).isEqualTo(1);
        assertThat(persons().findById("id-p3")).isEmpty();
    }

    @Test
    default void deleteAllWithoutReturnGivesOnlyTheCount() {
        seedPeople();

        WriteResult<Person> result = persons().deleteAll(Where.gt("age", 30), WriteOptions.noReturn());

        assertThat(result.count()).isEqualTo(2);
        assertThat(result.data()).isEmpty();
        assertThat(persons().count()).isEqualTo(4);
    }

    @Test
    default void forcedUpdateAndDeleteTouchEveryRow() {
        seedPeople();

        assertThat(persons().updateAll(Map.of("age", 7), Where.empty(), WriteOptions.forced()).count()).isEqualTo(6);
        assertThat(persons().count(Where.eq("age", 7))).isEqualTo(6);
        assertThat(persons().deleteAll(Where.empty(), WriteOptions.forced()).count()).isEqualTo(6);
        assertThat(persons().count()).isZero();
    }

    // ---- number ids and views

    @Test
    default void numberIdModelsWorkWithIntegerIds() {
        WriteResult<Counter> created = counters().createAll(List.of(new Counter("a", 1L), new Counter("b", 2L)));
        Integer first = created.data().get(0).getId();
        Integer second = created.data().get(1).getId();

        assertThat(counters().findById(first).map(Counter::getLabel)).contains("a");
        assertThat(counters().updateById(second, Map.of("amount", 20L)).single().getAmount()).isEqualTo(20L);
        assertThat(counters().deleteById(first).count()).isEqualTo(1);
        assertThat(counters().find().stream().map(Counter::getLabel)).containsExactly("b");
    }

    @Test
    default void viewModelsAreRead() {
        seedPeople();

        List<PersonView> rows = personView().find(Filter.empty().order("code ASC"));

        assertThat(rows).extracting(PersonView::getCode).as("the view shows active people only").containsExactly("p1", "p3", "p5");
        assertThat(personView().count(Where.gt("age", 30))).isEqualTo(1);
        assertThat(personView().findById("id-p3").map(PersonView::getName)).contains("Bob");
        assertThat(personView().existsWith(Where.eq("code", "p2"))).isFalse();
        assertThat(personView().findWithRange(Filter.empty().limit(2)).range().total()).isEqualTo(3);
        Optional<PersonView> one = personView().findOne(Filter.empty().order("age DESC"));
        assertThat(one.map(PersonView::getCode)).as("NULL age sorts first in DESC").contains("p3");
    }
}
