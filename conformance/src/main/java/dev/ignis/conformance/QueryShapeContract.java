package dev.ignis.conformance;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Fields;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.RangeResult;
import dev.ignis.conformance.model.Counter;
import dev.ignis.conformance.model.Person;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shape of results: fields, order (NULLs last in ASC, first in DESC), limit, skip/offset and range totals. */
public interface QueryShapeContract extends ConformanceFixture {

    // ---- fields

    @Test
    default void fieldsKeepOnlyTheNamedProperties() {
        seedPeople();

        Person p = persons().findOne(Filter.where("code", "p1").fields("code", "age")).orElseThrow();

        assertThat(p.getCode()).isEqualTo("p1");
        assertThat(p.getAge()).isEqualTo(30);
        assertThat(p.getName()).isNull();
        assertThat(p.getScore()).isNull();
        assertThat(p.getStatus()).isNull();
        assertThat(p.getLastSeen()).isNull();
        assertThat(p.getId()).as("the id is a property like the others").isNull();
    }

    @Test
    default void fieldsObjectFormIncludesOrExcludes() {
        seedPeople();

        Person included = persons().find(Filter.parse("{\"where\":{\"code\":\"p1\"},\"fields\":{\"name\":true,\"id\":true}}")).get(0);
        assertThat(included.getId()).isEqualTo("id-p1");
        assertThat(included.getName()).isEqualTo("Alice");
        assertThat(included.getCode()).isNull();

        Person excluded = persons().find(Filter.parse("{\"where\":{\"code\":\"p1\"},\"fields\":{\"age\":false,\"score\":false}}")).get(0);
        assertThat(excluded.getAge()).isNull();
        assertThat(excluded.getScore()).isNull();
        assertThat(excluded.getId()).isEqualTo("id-p1");
        assertThat(excluded.getName()).isEqualTo("Alice");
        assertThat(excluded.getBirthDate()).isNotNull();
    }

    @Test
    default void fieldsReachIntoEnricherColumns() {
        seedPeople();

        Person p = persons().findById("id-p2", Filter.empty().withFields(Fields.only("code", "createdAt"))).orElseThrow();

        assertThat(p.getCreatedAt()).isEqualTo(Samples.T0);
        assertThat(p.getModifiedAt()).isNull();
        assertThat(p.getCreatedBy()).isNull();
        assertThat(p.getName()).isNull();
    }

    @Test
    default void unknownFieldsAreAFilterError() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.empty().fields("code", "nope")))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> {
                    assertThat(((FilterException) e).path()).isEqualTo("fields.nope");
                    assertThat(((FilterException) e).validNames()).contains("code", "name", "createdAt");
                });
    }

    // ---- order

    @Test
    default void orderByNumberPutsNullsLastAscendingAndFirstDescending() {
        seedPeople();

        assertThat(codes(Filter.empty().order("age ASC"))).containsExactly("p6", "p2", "p1", "p5", "p4", "p3");
        assertThat(codes(Filter.empty().order("age"))).as("ASC by default").containsExactly("p6", "p2", "p1", "p5", "p4", "p3");
        assertThat(codes(Filter.empty().order("age DESC"))).containsExactly("p3", "p4", "p5", "p1", "p2", "p6");
        assertThat(codes(Filter.empty().order("score ASC"))).containsExactly("p5", "p1", "p3", "p2", "p6", "p4");
        assertThat(codes(Filter.empty().order("score DESC"))).containsExactly("p4", "p6", "p2", "p3", "p1", "p5");
    }

    @Test
    default void orderByTimestampAndDatePutsNullsLastAscendingAndFirstDescending() {
        seedPeople();

        assertThat(codes(Filter.empty().order("lastSeen ASC"))).containsExactly("p4", "p1", "p3", "p6", "p2", "p5");
        assertThat(codes(Filter.empty().order("lastSeen DESC"))).containsExactly("p2", "p5", "p6", "p3", "p1", "p4");
        assertThat(codes(Filter.empty().order("birthDate DESC"))).containsExactly("p3", "p6", "p2", "p1", "p5", "p4");
        assertThat(codes(Filter.empty().order("birthDate ASC"))).containsExactly("p4", "p5", "p1", "p2", "p6", "p3");
    }

    @Test
    default void orderByBooleanPutsNullsLastAscendingAndFirstDescending() {
        seedPeople();

        assertThat(codes(Filter.empty().order("active ASC", "code ASC"))).containsExactly("p2", "p6", "p1", "p3", "p5", "p4");
        assertThat(codes(Filter.empty().order("active DESC", "code ASC"))).containsExactly("p4", "p1", "p3", "p5", "p2", "p6");
    }

    @Test
    default void orderByStringAndSeveralKeys() {
        seedPeople();

        assertThat(codes(Filter.empty().order("code DESC"))).containsExactly("p6", "p5", "p4", "p3", "p2", "p1");
        assertThat(codes(Filter.empty().order("active DESC", "age DESC"))).containsExactly("p4", "p3", "p5", "p1", "p2", "p6");
    }

    @Test
    default void orderByEnumSortsByTheStoredNames() {
        seedPeople();

        // ACTIVE < BLOCKED < PENDING by name, although PersonStatus declares PENDING, ACTIVE, BLOCKED.
        assertThat(codes(Filter.empty().order("status ASC", "code ASC"))).containsExactly("p1", "p4", "p3", "p2", "p6", "p5");
        assertThat(codes(Filter.empty().order("status DESC", "age ASC"))).containsExactly("p5", "p6", "p2", "p3", "p1", "p4");
    }

    @Test
    default void rowsThatTieAreOrderedByIdSoPagesAreStable() {
        seedPeople();

        assertThat(codes(Filter.empty().order("active ASC"))).containsExactly("p2", "p6", "p1", "p3", "p5", "p4");
        assertThat(codes(Filter.empty())).as("no order at all: by id").containsExactly("p1", "p2", "p3", "p4", "p5", "p6");
    }

    @Test
    default void orderInJsonAcceptsAStringOrAnArrayAndAnyCaseOfDirection() {
        seedPeople();

        assertThat(codes(Filter.parse("{\"order\":\"age desc\"}"))).containsExactly("p3", "p4", "p5", "p1", "p2", "p6");
        assertThat(codes(Filter.parse("{\"order\":[\"active DESC\",\"code asc\"]}"))).containsExactly("p4", "p1", "p3", "p5", "p2", "p6");
    }

    @Test
    default void orderByAnUnknownPropertyIsAFilterError() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.empty().order("code", "nope DESC")))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("order[1]"));
        assertThatThrownBy(() -> Filter.parse("{\"order\":\"age SIDEWAYS\"}")).isInstanceOf(FilterException.class);
    }

    // ---- limit, skip, offset

    @Test
    default void limitAndSkipPage() {
        seedPeople();

        assertThat(codes(Filter.empty().order("code").limit(2))).containsExactly("p1", "p2");
        assertThat(codes(Filter.empty().order("code").limit(2).skip(2))).containsExactly("p3", "p4");
        assertThat(codes(Filter.empty().order("code").limit(2).offset(4))).containsExactly("p5", "p6");
        assertThat(codes(Filter.empty().order("code").limit(4).skip(4))).as("a short last page").containsExactly("p5", "p6");
        assertThat(codes(Filter.empty().order("code").skip(3))).as("skip without limit").containsExactly("p4", "p5", "p6");
        assertThat(codes(Filter.empty().order("code").skip(6))).isEmpty();
        assertThat(codes(Filter.empty().order("code").skip(100).limit(5))).isEmpty();
    }

    @Test
    default void limitSkipAndOffsetInJson() {
        seedPeople();

        assertThat(codes(Filter.parse("{\"order\":\"code\",\"limit\":3}"))).containsExactly("p1", "p2", "p3");
        assertThat(codes(Filter.parse("{\"order\":\"code\",\"limit\":2,\"skip\":1}"))).containsExactly("p2", "p3");
        assertThat(codes(Filter.parse("{\"order\":\"code\",\"limit\":2,\"offset\":3}"))).containsExactly("p4", "p5");
        assertThat(codes(Filter.parse("{\"order\":\"code\",\"limit\":\"2\",\"offset\":\"3\"}"))).containsExactly("p4", "p5");
        assertThat(codes(Filter.parse("{\"order\":\"code DESC\",\"limit\":1}"))).containsExactly("p6");
    }

    @Test
    default void limitAboveTheMaximumIsAFilterError() {
        seedPeople();

        assertThat(codes(Filter.empty().limit(ENGINE_MAX_LIMIT))).hasSize(6);
        assertThatThrownBy(() -> persons().find(Filter.empty().limit(ENGINE_MAX_LIMIT + 1)))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("limit"));
        assertThatThrownBy(() -> Filter.parse("{\"limit\":-1}")).isInstanceOf(FilterException.class);
    }

    @Test
    default void withoutLimitTheEnginesDefaultLimitApplies() {
        int rows = ENGINE_DEFAULT_LIMIT + 5;
        List<Person> many = new ArrayList<>();
        IntStream.range(0, rows).forEach(i -> many.add(Person.of(String.format("m%03d", i), "Many " + i)));
        persons().createAll(many);

        assertThat(persons().find()).hasSize(ENGINE_DEFAULT_LIMIT);
        assertThat(persons().find(Filter.empty().limit(rows))).hasSize(rows);
        assertThat(persons().count()).isEqualTo(rows);
        assertThat(Samples.codes(persons().find(Filter.empty().order("code DESC"))).get(0)).isEqualTo(String.format("m%03d", rows - 1));
    }

    @Test
    default void aModelsDefaultLimitWinsOverTheEngines() {
        List<Counter> rows = new ArrayList<>();
        IntStream.range(0, Counter.DEFAULT_LIMIT + 3).forEach(i -> rows.add(new Counter("c" + i, (long) i)));
        counters().createAll(rows);

        assertThat(counters().find()).hasSize(Counter.DEFAULT_LIMIT);
        assertThat(counters().find(Filter.empty().limit(Counter.DEFAULT_LIMIT + 3))).hasSize(Counter.DEFAULT_LIMIT + 3);
        assertThat(counters().findWithRange(Filter.empty()).range().total()).isEqualTo(Counter.DEFAULT_LIMIT + 3);
    }

    // ---- ranges

    @Test
    default void findWithRangeGivesThePageAndTheTotal() {
        seedPeople();

        RangeResult<Person> first = persons().findWithRange(Filter.empty().order("code").limit(4));
        assertThat(Samples.codes(first.data())).containsExactly("p1", "p2", "p3", "p4");
        assertThat(first.range()).isEqualTo(new RangeResult.Range(0, 4, 6));
        assertThat(first.range().toContentRange("items")).isEqualTo("items 0-3/6");

        RangeResult<Person> last = persons().findWithRange(Filter.empty().order("code").limit(4).skip(4));
        assertThat(Samples.codes(last.data())).containsExactly("p5", "p6");
        assertThat(last.range()).isEqualTo(new RangeResult.Range(4, 6, 6));

        RangeResult<Person> exact = persons().findWithRange(Filter.empty().order("code").limit(3).skip(3));
        assertThat(Samples.codes(exact.data())).containsExactly("p4", "p5", "p6");
        assertThat(exact.range()).isEqualTo(new RangeResult.Range(3, 6, 6));
    }

    @Test
    default void findWithRangeBeyondTheEndIsEmptyWithTheTotal() {
        seedPeople();

        RangeResult<Person> beyond = persons().findWithRange(Filter.empty().order("code").limit(4).skip(10));

        assertThat(beyond.data()).isEmpty();
        assertThat(beyond.range()).isEqualTo(new RangeResult.Range(10, 10, 6));
        assertThat(beyond.range().toContentRange("items")).isEqualTo("items */6");
    }

    @Test
    default void findWithRangeCountsOnlyMatchingRows() {
        seedPeople();

        RangeResult<Person> page = persons().findWithRange(Filter.where("active", true).order("code").limit(2));
        assertThat(Samples.codes(page.data())).containsExactly("p1", "p3");
        assertThat(page.range()).isEqualTo(new RangeResult.Range(0, 2, 3));

        RangeResult<Person> all = persons().findWithRange(Filter.where(Where.gt("age", 20)));
        assertThat(all.data()).hasSize(4);
        assertThat(all.range()).isEqualTo(new RangeResult.Range(0, 4, 4));

        RangeResult<Person> none = persons().findWithRange(Filter.where("code", "nobody"));
        assertThat(none.data()).isEmpty();
        assertThat(none.range()).isEqualTo(new RangeResult.Range(0, 0, 0));
    }
}
