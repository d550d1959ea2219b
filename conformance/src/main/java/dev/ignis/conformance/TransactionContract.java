package dev.ignis.conformance;

import dev.ignis.api.datasource.IsolationLevel;
import dev.ignis.api.datasource.Transaction;
import dev.ignis.api.error.ConflictException;
import dev.ignis.api.error.TransactionException;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.conformance.model.AuxEntry;
import dev.ignis.conformance.model.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Transactions belong to one datasource: they commit, roll back on an exception or on request, accept every
 * isolation level, and refuse a second datasource. {@code createAll} is atomic on its own.
 */
public interface TransactionContract extends ConformanceFixture {

    @Test
    default void aTransactionCommitsEverythingItWrote() {
        String result = mainDataSource().transaction(tx -> {
            persons().create(Person.of("t1", "One"));
            persons().create(Person.of("t2", "Two"));
            persons().updateAll(Map.of("age", 5), Where.eq("code", "t1"));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(persons().count()).isEqualTo(2);
        assertThat(persons().count(Where.eq("age", 5))).isEqualTo(1);
    }

    @Test
    default void insideATransactionReadsSeeItsOwnWritesAndOthersDoNotUntilCommit() throws Exception {
        mainDataSource().runInTransaction(tx -> {
            persons().create(Person.of("t1", "One"));
            assertThat(persons().count()).as("the transaction sees its own write").isEqualTo(1);
            long seenElsewhere = CompletableFuture.supplyAsync(() -> persons().count()).orTimeout(30, TimeUnit.SECONDS).join();
            assertThat(seenElsewhere).as("another thread does not see the uncommitted write").isZero();
        });

        assertThat(persons().count()).isEqualTo(1);
    }

    @Test
    default void anExceptionRollsBackEverythingAndPropagates() {
        seedPeople();
        IllegalStateException boom = new IllegalStateException("boom");

        Throwable thrown = catchThrowable(() -> mainDataSource().transaction(tx -> {
            persons().create(Person.of("t1", "One"));
            persons().updateAll(Map.of("age", 99), Where.eq("code", "p1"));
            persons().deleteById("id-p2");
            throw boom;
        }));

        assertThat(thrown).as("the callback's exception reaches the caller (itself or as a cause)").isNotNull();
        assertThat(thrown == boom || causeChain(thrown).contains(boom)).as("cause chain of %s", thrown).isTrue();
        assertThat(persons().count()).isEqualTo(6);
        assertThat(persons().findOne(dev.ignis.api.filter.Filter.where("code", "t1"))).isEmpty();
        assertThat(persons().getById("id-p1").getAge()).isEqualTo(30);
        assertThat(persons().findById("id-p2")).isPresent();
    }

    @Test
    default void setRollbackOnlyRollsBackAndStillReturnsTheResult() {
        String result = mainDataSource().transaction(tx -> {
            persons().create(Person.of("t1", "One"));
            assertThat(tx.isRollbackOnly()).isFalse();
            tx.setRollbackOnly();
            assertThat(tx.isRollbackOnly()).isTrue();
            return "rolled back";
        });

        assertThat(result).isEqualTo("rolled back");
        assertThat(persons().count()).isZero();
    }

    @ParameterizedTest
    @EnumSource(IsolationLevel.class)
    default void everyIsolationLevelIsAccepted(IsolationLevel level) {
        Transaction seen = mainDataSource().transaction(level, tx -> {
            persons().create(Person.of("t1", "One"));
            assertThat(persons().count()).isEqualTo(1);
            return tx;
        });

        assertThat(seen.isolation()).isEqualTo(level);
        assertThat(seen.dataSource()).isEqualTo(mainDataSource().name());
        assertThat(persons().count()).isEqualTo(1);
        // the pooled connection goes back with its default isolation: a plain write still works
        persons().create(Person.of("t2", "Two"));
        assertThat(persons().count()).isEqualTo(2);
    }

    @Test
    default void aRepositoryOfAnotherDataSourceInsideATransactionThrows() {
        assertThatThrownBy(() -> mainDataSource().runInTransaction(tx -> auxEntries().count()))
                .isInstanceOf(TransactionException.class);

        assertThatThrownBy(() -> mainDataSource().transaction(tx -> {
            persons().create(Person.of("t1", "One"));
            auxEntries().create(new AuxEntry("elsewhere"));
            return null;
        })).isInstanceOf(TransactionException.class);

        assertThat(persons().count()).as("the main transaction rolled back").isZero();
        assertThat(auxEntries().count()).as("nothing reached the other datasource").isZero();
    }

    @Test
    default void theOtherDataSourceWorksOutsideTheTransaction() {
        mainDataSource().runInTransaction(tx -> persons().create(Person.of("t1", "One")));
        auxEntries().create(new AuxEntry("after"));
        auxDataSource().runInTransaction(tx -> auxEntries().create(new AuxEntry("own tx")));

        assertThat(persons().count()).isEqualTo(1);
        assertThat(auxEntries().count()).isEqualTo(2);
    }

    @Test
    default void aNestedTransactionJoinsTheOuterOne() {
        Throwable thrown = catchThrowable(() -> mainDataSource().runInTransaction(outer -> {
            persons().create(Person.of("t1", "One"));
            mainDataSource().runInTransaction(inner -> persons().create(Person.of("t2", "Two")));
            throw new IllegalStateException("outer fails after the inner one finished");
        }));

        assertThat(thrown).isNotNull();
        assertThat(persons().count()).as("the inner work is rolled back with the outer").isZero();
    }

    @Test
    default void aNestedTransactionCannotAskForAnotherIsolation() {
        assertThatThrownBy(() -> mainDataSource().transaction(IsolationLevel.READ_COMMITTED,
                outer -> mainDataSource().transaction(IsolationLevel.SERIALIZABLE, inner -> 1)))
                .isInstanceOf(TransactionException.class);
    }

    // ---- createAll atomicity

    @Test
    default void createAllWithADuplicateUniqueValueWritesNothing() {
        List<Person> rows = List.of(Person.of("u1", "A"), Person.of("u2", "B"), Person.of("u1", "C"), Person.of("u3", "D"));

        assertThatThrownBy(() -> persons().createAll(rows)).isInstanceOf(ConflictException.class);

        assertThat(persons().count()).isZero();
    }

    @Test
    default void createAllCollidingWithAnExistingRowWritesNothing() {
        persons().create(Person.of("u2", "Existing"));
        List<Person> rows = List.of(Person.of("u1", "A"), Person.of("u2", "B"), Person.of("u3", "C"));

        assertThatThrownBy(() -> persons().createAll(rows)).isInstanceOf(ConflictException.class);

        assertThat(persons().count()).isEqualTo(1);
        assertThat(persons().getById(persons().find().get(0).getId()).getName()).isEqualTo("Existing");
    }

    @Test
    default void createAllWithANullInANotNullColumnWritesNothing() {
        List<Person> rows = List.of(Person.of("n1", "A"), Person.of("n2", null), Person.of("n3", "C"));

        assertThatThrownBy(() -> persons().createAll(rows)).isInstanceOf(ConflictException.class);

        assertThat(persons().count()).isZero();
    }

    @Test
    default void createAllInsideARolledBackTransactionWritesNothing() {
        mainDataSource().runInTransaction(tx -> {
            persons().createAll(Samples.people());
            assertThat(persons().count()).isEqualTo(6);
            tx.setRollbackOnly();
        });

        assertThat(persons().count()).isZero();
    }

    @Test
    default void aConflictInsideATransactionRollsBackItsEarlierWrites() {
        persons().create(Person.of("u1", "Existing"));

        assertThatThrownBy(() -> mainDataSource().runInTransaction(tx -> {
            persons().create(Person.of("u2", "New"));
            persons().create(Person.of("u1", "Clash"));
        })).isInstanceOf(ConflictException.class);

        assertThat(persons().count()).isEqualTo(1);
        assertThat(persons().count(Where.eq("code", "u2"))).isZero();
        persons().deleteAll(Where.empty(), WriteOptions.forced());
    }

    private static List<Throwable> causeChain(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }
}
