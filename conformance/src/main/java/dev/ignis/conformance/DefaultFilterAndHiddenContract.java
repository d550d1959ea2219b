package dev.ignis.conformance;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.NotFoundException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.conformance.model.Note;
import dev.ignis.conformance.model.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A model's default filter ({@link Note}: {@code {"where":{"deleted":false},"order":["title ASC"]}}) is merged into
 * every read, update and delete, the caller's keys win, and {@code shouldSkipDefaultFilter} turns it off. Hidden
 * properties ({@link Person#getSecret()}) never leave a repository but can be filtered on.
 */
public interface DefaultFilterAndHiddenContract extends ConformanceFixture {

    /** Creates alpha, charlie (visible) and bravo, delta (soft-deleted); returns the ids in that order. */
    private List<String> seedNotes() {
        return notes().createAll(List.of(new Note("alpha", false), new Note("bravo", true), new Note("charlie", false),
                new Note("delta", true))).data().stream().map(Note::getId).toList();
    }

    private static List<String> titles(List<Note> notes) {
        return notes.stream().map(Note::getTitle).toList();
    }

    // ---- default filter

    @Test
    default void theDefaultWhereHidesRowsFromEveryRead() {
        String bravo = seedNotes().get(1);

        assertThat(titles(notes().find())).containsExactly("alpha", "charlie");
        assertThat(notes().count()).isEqualTo(2);
        assertThat(notes().existsWith(Where.eq("title", "bravo"))).isFalse();
        assertThat(notes().findOne(Filter.where("title", "bravo"))).isEmpty();
        assertThat(notes().findById(bravo)).isEmpty();
        assertThat(notes().findWithRange(Filter.empty().limit(1)).range().total()).isEqualTo(2);
    }

    @Test
    default void theDefaultOrderAppliesUnlessTheCallerOrders() {
        seedNotes();

        assertThat(titles(notes().find())).containsExactly("alpha", "charlie");
        assertThat(titles(notes().find(Filter.empty().order("title DESC")))).containsExactly("charlie", "alpha");
        assertThat(notes().findOne(Filter.empty()).map(Note::getTitle)).contains("alpha");
    }

    @Test
    default void theCallersConditionOnAFieldReplacesTheDefaultsConditionOnIt() {
        seedNotes();

        assertThat(titles(notes().find(Filter.where("deleted", true)))).containsExactly("bravo", "delta");
        assertThat(notes().count(Where.eq("deleted", true))).isEqualTo(2);
        assertThat(titles(notes().find(Filter.parse("{\"where\":{\"deleted\":{\"inq\":[true,false]}}}"))))
                .containsExactly("alpha", "bravo", "charlie", "delta");
    }

    @Test
    default void theCallersConditionsOnOtherFieldsAreAndedWithTheDefault() {
        seedNotes();

        assertThat(titles(notes().find(Filter.where(Where.like("title", "%a%"))))).containsExactly("alpha", "charlie");
        assertThat(notes().count(Where.in("title", List.of("alpha", "bravo")))).isEqualTo(1);
    }

    @Test
    default void shouldSkipDefaultFilterSeesEveryRow() {
        String bravo = seedNotes().get(1);
        QueryOptions skip = QueryOptions.skipDefaultFilter();

        assertThat(titles(notes().find(Filter.empty().order("title"), skip))).containsExactly("alpha", "bravo", "charlie", "delta");
        assertThat(notes().count(Where.empty(), skip)).isEqualTo(4);
        assertThat(notes().findById(bravo, Filter.empty(), skip)).isPresent();
        assertThat(notes().existsWith(Where.eq("title", "bravo"), skip)).isTrue();
        assertThat(notes().findOne(Filter.where("title", "delta"), skip)).isPresent();
        assertThat(notes().findWithRange(Filter.empty().limit(1), skip).range().total()).isEqualTo(4);
    }

    @Test
    default void writesByIdDoNotReachRowsTheDefaultFilterHides() {
        List<String> ids = seedNotes();
        String bravo = ids.get(1);
        String delta = ids.get(3);

        assertThatThrownBy(() -> notes().updateById(bravo, Map.of("title", "x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notes().deleteById(delta)).isInstanceOf(NotFoundException.class);
        assertThat(notes().count(Where.empty(), QueryOptions.skipDefaultFilter())).isEqualTo(4);

        WriteOptions skip = WriteOptions.DEFAULT.withSkipDefaultFilter(true);
        assertThat(notes().updateById(bravo, Map.of("title", "bravo2"), skip).count()).isEqualTo(1);
        assertThat(notes().deleteById(delta, skip).count()).isEqualTo(1);
        assertThat(titles(notes().find(Filter.empty().order("title"), QueryOptions.skipDefaultFilter())))
                .containsExactly("alpha", "bravo2", "charlie");
    }

    @Test
    default void bulkWritesTouchOnlyRowsTheDefaultFilterShows() {
        seedNotes();

        assertThat(notes().updateAll(Map.of("title", "same"), Where.empty(), WriteOptions.forced()).count()).isEqualTo(2);
        assertThat(notes().count(Where.eq("title", "same"), QueryOptions.skipDefaultFilter())).isEqualTo(2);

        assertThat(notes().deleteAll(Where.like("title", "%"), WriteOptions.DEFAULT).count()).isEqualTo(2);
        assertThat(titles(notes().find(Filter.empty().order("title"), QueryOptions.skipDefaultFilter())))
                .containsExactly("bravo", "delta");

        assertThat(notes().deleteAll(Where.empty(), WriteOptions.forced().withSkipDefaultFilter(true)).count()).isEqualTo(2);
        assertThat(notes().count(Where.empty(), QueryOptions.skipDefaultFilter())).isZero();
    }

    // ---- hidden properties

    @Test
    default void hiddenPropertiesNeverLeaveTheRepository() {
        Person created = persons().create(Person.of("h1", "Hidden").secret("top")).single();
        assertThat(created.getSecret()).as("create's returned row").isNull();
        assertThat(persons().createAll(List.of(Person.of("h2", "Two").secret("x"), Person.of("h3", "Three").secret("y"))).data())
                .as("createAll's returned rows").allSatisfy(p -> assertThat(p.getSecret()).isNull());

        assertThat(persons().find()).as("find").hasSize(3).allSatisfy(p -> assertThat(p.getSecret()).isNull());
        assertThat(persons().findOne(Filter.where("code", "h1")).orElseThrow().getSecret()).as("findOne").isNull();
        assertThat(persons().getById(created.getId()).getSecret()).as("findById").isNull();
        assertThat(persons().findWithRange(Filter.empty()).data()).as("findWithRange").allSatisfy(p -> assertThat(p.getSecret()).isNull());
        assertThat(persons().find(Filter.empty().withFields(dev.ignis.api.filter.Fields.except("age"))))
                .as("fields excluding something else").allSatisfy(p -> assertThat(p.getSecret()).isNull());
        assertThat(persons().updateById(created.getId(), Map.of("age", 1)).single().getSecret()).as("updateById").isNull();
        assertThat(persons().updateAll(Map.of("age", 2), Where.eq("code", "h2")).data()).as("updateAll")
                .singleElement().satisfies(p -> assertThat(p.getSecret()).isNull());
        assertThat(persons().deleteAll(Where.eq("code", "h3")).data()).as("deleteAll")
                .singleElement().satisfies(p -> assertThat(p.getSecret()).isNull());
        assertThat(persons().deleteById(created.getId()).single().getSecret()).as("deleteById").isNull();
    }

    @Test
    default void hiddenPropertiesAreStored() {
        String id = persons().create(Person.of("h1", "Hidden").secret("top")).single().getId();

        assertThat(jdbcValue("select " + q("secret") + " from " + q("cf_person") + " where " + q("id") + " = ?", id))
                .isEqualTo("top");
    }

    @Test
    default void hiddenPropertiesCanBeFilteredOn() {
        seedPeople();

        List<Person> found = persons().find(Filter.where("secret", "s4"));
        assertThat(Samples.codes(found)).containsExactly("p4");
        assertThat(found.get(0).getSecret()).isNull();
        assertThat(Samples.sortedCodes(persons().find(Filter.where(Where.isNull("secret"))))).containsExactly("p3");
        assertThat(persons().count(Where.like("secret", "s%"))).isEqualTo(5);
        assertThat(persons().existsWith(Where.eq("secret", "s6"))).isTrue();
    }

    @Test
    default void hiddenPropertiesCanBeWritten() {
        seedPeople();

        persons().updateById("id-p3", Map.of("secret", "new"));

        assertThat(jdbcValue("select " + q("secret") + " from " + q("cf_person") + " where " + q("id") + " = ?", "id-p3"))
                .isEqualTo("new");
        assertThat(persons().getById("id-p3").getSecret()).isNull();
    }

    @Test
    default void hiddenPropertiesCannotBeSelectedAndAreNotListedAsValidNames() {
        seedPeople();

        assertThatThrownBy(() -> persons().find(Filter.empty().fields("code", "secret")))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).path()).isEqualTo("fields.secret"));
        assertThatThrownBy(() -> persons().find(Filter.where("nope", 1)))
                .isInstanceOf(FilterException.class)
                .satisfies(e -> assertThat(((FilterException) e).validNames()).contains("name").doesNotContain("secret"));
        assertThat(persons().find(Filter.empty().fields("code")).stream().map(Person::getSecret).filter(Objects::nonNull)).isEmpty();
    }
}
