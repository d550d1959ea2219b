package dev.ignis.conformance;

import dev.ignis.api.error.IgnisException;
import dev.ignis.api.filter.Where;
import dev.ignis.api.model.TzColumns;
import dev.ignis.conformance.model.Audited;
import dev.ignis.conformance.model.Counter;
import dev.ignis.conformance.model.Person;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The enrichers: string ids generated as UUIDs, identity number ids, {@code createdAt}/{@code modifiedAt} from the
 * engine's clock, {@code createdBy}/{@code modifiedBy} from its current user, and {@code allowAnonymous = false}.
 */
public interface EnricherContract extends ConformanceFixture {
    Instant T1 = Instant.parse("2024-06-01T10:00:00Z");
    Instant T2 = Instant.parse("2024-06-02T11:30:00Z");

    // ---- ids

    @Test
    default void emptyStringIdsAreGeneratedAsUuids() {
        Person created = persons().create(Person.of("e1", "Gen")).single();

        assertThat(created.getId()).isNotBlank();
        UUID uuid = UUID.fromString(created.getId());
        assertThat(uuid.toString()).isEqualTo(created.getId());
        assertThat(uuid.version()).isEqualTo(4);
        assertThat(persons().findById(created.getId())).isPresent();
    }

    @Test
    default void createAllGeneratesADistinctIdPerRow() {
        List<Person> created = persons().createAll(List.of(Person.of("e1", "A"), Person.of("e2", "B"), Person.of("e3", "C"))).data();

        assertThat(created).extracting(Person::getId).doesNotContainNull().doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id)).isNotNull());
        assertThat(persons().count(Where.in("id", created.stream().map(Person::getId).toList()))).isEqualTo(3);
    }

    @Test
    default void givenStringIdsAreKept() {
        Person created = persons().create(Person.of("e1", "Mine").id("my-own-id")).single();

        assertThat(created.getId()).isEqualTo("my-own-id");
        assertThat(persons().getById("my-own-id").getCode()).isEqualTo("e1");
    }

    @Test
    default void numberIdsAreGeneratedByTheDatabase() {
        Counter one = counters().create(new Counter("one", 1L)).single();
        List<Counter> more = counters().createAll(List.of(new Counter("two", 2L), new Counter("three", 3L))).data();

        assertThat(one.getId()).isNotNull().isPositive();
        assertThat(more).extracting(Counter::getId).doesNotContainNull();
        List<Integer> ids = List.of(one.getId(), more.get(0).getId(), more.get(1).getId());
        assertThat(new HashSet<>(ids)).hasSize(3);
        assertThat(ids).as("identity values grow").isSorted();
        assertThat(counters().getById(more.get(1).getId()).getLabel()).isEqualTo("three");
    }

    // ---- timestamps

    @Test
    default void createStampsCreatedAtAndModifiedAtFromTheClock() {
        clock().set(T1);

        Person returned = persons().create(Person.of("e1", "Stamp")).single();

        assertThat(returned.getCreatedAt()).isEqualTo(T1);
        assertThat(returned.getModifiedAt()).isEqualTo(T1);
        Person read = persons().getById(returned.getId());
        assertThat(read.getCreatedAt()).isEqualTo(T1);
        assertThat(read.getModifiedAt()).isEqualTo(T1);
        assertThat(persons().count(Where.eq("createdAt", "2024-06-01T10:00:00Z"))).as("enricher columns filter by their keys")
                .isEqualTo(1);
    }

    @Test
    default void createKeepsTimestampsTheCallerSetAndFillsOnlyTheMissingOnes() {
        clock().set(T1);
        Instant old = Instant.parse("1999-01-01T00:00:00Z");
        Person imported = Person.of("e1", "Imported");
        TzColumns tz = new TzColumns();
        tz.setCreatedAt(old);
        tz.setModifiedAt(old.plusSeconds(60));
        imported.setTz(tz);
        Person half = Person.of("e2", "Half");
        TzColumns createdOnly = new TzColumns();
        createdOnly.setCreatedAt(old);
        half.setTz(createdOnly);

        String id = persons().create(imported).single().getId();
        List<Person> batch = persons().createAll(List.of(half, Person.of("e3", "Fresh"))).data();

        assertThat(persons().getById(id).getCreatedAt()).isEqualTo(old);
        assertThat(persons().getById(id).getModifiedAt()).isEqualTo(old.plusSeconds(60));
        assertThat(persons().getById(batch.get(0).getId()).getCreatedAt()).isEqualTo(old);
        assertThat(persons().getById(batch.get(0).getId()).getModifiedAt()).as("a missing timestamp is filled").isEqualTo(T1);
        assertThat(persons().getById(batch.get(1).getId()).getCreatedAt()).isEqualTo(T1);

        clock().set(T2);
        persons().updateById(id, Map.of("name", "Touched"));
        assertThat(persons().getById(id).getModifiedAt()).as("an update still moves modifiedAt").isEqualTo(T2);
        assertThat(persons().getById(id).getCreatedAt()).isEqualTo(old);
    }

    @Test
    default void updateByIdMovesModifiedAtAndKeepsCreatedAt() {
        clock().set(T1);
        String id = persons().create(Person.of("e1", "Up")).single().getId();
        clock().set(T2);

        Person returned = persons().updateById(id, Map.of("name", "Upper")).single();

        assertThat(returned.getCreatedAt()).isEqualTo(T1);
        assertThat(returned.getModifiedAt()).isEqualTo(T2);
        Person read = persons().getById(id);
        assertThat(read.getCreatedAt()).isEqualTo(T1);
        assertThat(read.getModifiedAt()).isEqualTo(T2);
    }

    @Test
    default void updateAllMovesModifiedAtOfTheRowsItTouchesOnly() {
        clock().set(T1);
        seedPeople();
        clock().set(T2);

        persons().updateAll(Map.of("score", 1), Where.eq("active", true));

        assertThat(persons().count(Where.eq("modifiedAt", T2))).isEqualTo(3);
        assertThat(persons().count(Where.eq("modifiedAt", T1))).isEqualTo(3);
        assertThat(persons().count(Where.eq("createdAt", T1))).isEqualTo(6);
        assertThat(persons().getById("id-p1").getModifiedAt()).isEqualTo(T2);
        assertThat(persons().getById("id-p2").getModifiedAt()).isEqualTo(T1);
    }

    @Test
    default void theModifiedAtPropertyCannotBeUpdatedAroundTheClock() {
        clock().set(T1);
        String id = persons().create(Person.of("e1", "Up")).single().getId();
        clock().set(T2);

        persons().updateById(id, Map.of("modifiedAt", "2000-01-01T00:00:00Z", "name", "x"));

        assertThat(persons().getById(id).getModifiedAt()).isEqualTo(T2);
    }

    @Test
    default void enricherTimestampsKeepMicrosecondsAndDropNanoseconds() {
        clock().set(Instant.parse("2024-06-01T10:00:00.123456789Z"));

        String id = persons().create(Person.of("e1", "Micro")).single().getId();

        assertThat(persons().getById(id).getCreatedAt())
                .as("createdAt with microseconds must read back with them on %s", database())
                .isEqualTo(Instant.parse("2024-06-01T10:00:00.123456Z"));
    }

    // ---- user audit

    @Test
    default void createAndUpdateFillCreatedByAndModifiedByFromTheCurrentUser() {
        currentUser("alice");
        String id = persons().create(Person.of("e1", "Audit")).single().getId();
        assertThat(persons().getById(id).getCreatedBy()).isEqualTo("alice");
        assertThat(persons().getById(id).getModifiedBy()).isEqualTo("alice");

        currentUser("bob");
        Person updated = persons().updateById(id, Map.of("age", 3)).single();

        assertThat(updated.getCreatedBy()).isEqualTo("alice");
        assertThat(updated.getModifiedBy()).isEqualTo("bob");
        assertThat(persons().count(Where.eq("modifiedBy", "bob"))).isEqualTo(1);

        currentUser("carol");
        persons().updateAll(Map.of("age", 4), Where.eq("id", id));
        assertThat(persons().getById(id).getModifiedBy()).isEqualTo("carol");
        assertThat(persons().getById(id).getCreatedBy()).isEqualTo("alice");
    }

    @Test
    default void anonymousWritesLeaveTheUserColumnsEmptyWhereAllowed() {
        currentUser(null);

        String id = persons().create(Person.of("e1", "Anon")).single().getId();

        assertThat(persons().getById(id).getCreatedBy()).isNull();
        assertThat(persons().getById(id).getModifiedBy()).isNull();
    }

    @Test
    default void modelsThatRefuseAnonymousWritesNeedACurrentUser() {
        currentUser(null);
        assertThatThrownBy(() -> audited().create(new Audited("nobody wrote this")))
                .isInstanceOf(IgnisException.class)
                .hasMessageContaining("user");
        assertThatThrownBy(() -> audited().createAll(List.of(new Audited("a"), new Audited("b"))))
                .isInstanceOf(IgnisException.class);
        assertThat(audited().count()).isZero();

        currentUser("dora");
        Audited created = audited().create(new Audited("dora wrote this")).single();
        assertThat(created.getCreatedBy()).isEqualTo("dora");
        assertThat(created.getCreatedAt()).isEqualTo(Samples.T0);

        currentUser(null);
        assertThatThrownBy(() -> audited().updateById(created.getId(), Map.of("title", "changed")))
                .isInstanceOf(IgnisException.class);
        assertThatThrownBy(() -> audited().updateAll(Map.of("title", "changed"), Where.empty(), dev.ignis.api.repository.WriteOptions.forced()))
                .isInstanceOf(IgnisException.class);
        assertThat(audited().getById(created.getId()).getTitle()).isEqualTo("dora wrote this");
        assertThat(audited().getById(created.getId()).getModifiedBy()).isEqualTo("dora");
    }
}
