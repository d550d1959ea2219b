package dev.ignis.metrics;

import dev.ignis.api.error.ConflictException;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.ignis.metrics.MicrometerQueryListener.CALL_TIMER;
import static dev.ignis.metrics.MicrometerQueryListener.STATEMENTS_PER_CALL;
import static dev.ignis.metrics.MicrometerQueryListener.STATEMENT_TIMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins the meters' names and tags on real engine events: an Engine on two embedded H2 databases (through the h2
 * driver plugin), notes on one, their owners on the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicrometerQueryListenerTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Engine engine;
    CrudRepository<Note, String> notes;
    CrudRepository<Owner, String> owners;

    @BeforeAll
    void start() {
        TestDataSources.Notes notesDs = new TestDataSources.Notes("listener-test");
        TestDataSources.People people = new TestDataSources.People("listener-test");
        engine = Engine.builder().dataSources(notesDs, people).listener(new MicrometerQueryListener(registry)).build().start();
        notes = new CrudRepository<>(notesDs, Note.class);
        owners = new CrudRepository<>(people, Owner.class);
        owners.createAll(List.of(new Owner("o1", "Ada"), new Owner("o2", "Bob")));
        notes.createAll(List.of(new Note("n1", "first", "o1"), new Note("n2", "second", "o2"), new Note("n3", "third", "o1")));
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @BeforeEach
    void clear() {
        registry.clear();
    }

    @Test
    void aCrossDataSourceIncludeIsTimedWhereEachStatementRan() {
        List<Note> rows = notes.find(Filter.empty().include("owner"));
        assertThat(rows).extracting(n -> n.owner.name).containsOnly("Ada", "Bob");

        Timer direct = registry.get(STATEMENT_TIMER).tags("datasource", "Notes", "model", "Note", "operation", "find",
                "strategy", "direct", "outcome", "success").timer();
        assertThat(direct.count()).isEqualTo(1);
        Timer include = registry.get(STATEMENT_TIMER).tags("datasource", "People", "model", "Owner", "operation", "include",
                "strategy", "cross-datasource", "outcome", "success").timer();
        assertThat(include.count()).as("one batched lookup for all three notes").isEqualTo(1);
        assertThat(include.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get(STATEMENT_TIMER).timers()).hasSize(2);

        Timer call = registry.get(CALL_TIMER).tags("datasource", "Notes", "model", "Note", "operation", "find",
                "outcome", "success").timer();
        assertThat(call.count()).isEqualTo(1);
        assertThat(registry.get(CALL_TIMER).timers()).hasSize(1);

        DistributionSummary statements = registry.get(STATEMENTS_PER_CALL).tags("datasource", "Notes", "model", "Note",
                "operation", "find", "outcome", "success").summary();
        assertThat(statements.count()).isEqualTo(1);
        assertThat(statements.totalAmount()).as("statements of the call, both datasources together").isEqualTo(2.0);
    }

    @Test
    void tagKeysAreTheDocumentedLowCardinalityOnes() {
        notes.find(Filter.empty().include("owner"));
        assertThat(tagKeys(registry.get(STATEMENT_TIMER).meter()))
                .containsExactlyInAnyOrder("datasource", "model", "operation", "strategy", "outcome", "role", "pool");
        assertThat(registry.get(STATEMENT_TIMER).meter().getId().getTag("role")).isEqualTo("primary");
        assertThat(tagKeys(registry.get(CALL_TIMER).meter())).containsExactlyInAnyOrder("datasource", "model", "operation", "outcome");
        assertThat(tagKeys(registry.get(STATEMENTS_PER_CALL).meter())).containsExactlyInAnyOrder("datasource", "model", "operation", "outcome");
        assertThat(registry.get(STATEMENT_TIMER).meter().getId().getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void aRejectedFilterIsACallWithOutcomeFilterExceptionAndNoStatement() {
        assertThatThrownBy(() -> notes.find(Filter.where("nope", 1))).isInstanceOf(FilterException.class);

        Timer call = registry.get(CALL_TIMER).tags("datasource", "Notes", "model", "Note", "operation", "find",
                "outcome", "FilterException").timer();
        assertThat(call.count()).isEqualTo(1);
        DistributionSummary statements = registry.get(STATEMENTS_PER_CALL).tags("outcome", "FilterException").summary();
        assertThat(statements.count()).isEqualTo(1);
        assertThat(statements.totalAmount()).isZero();
        assertThat(registry.find(STATEMENT_TIMER).timers()).as("the filter was refused before any SQL ran").isEmpty();
        assertThat(registry.find(CALL_TIMER).tag("outcome", "success").timers()).isEmpty();
    }

    @Test
    void aFailingStatementIsTimedWithItsErrorAsOutcome() {
        assertThatThrownBy(() -> owners.create(new Owner("o1", "Ada again"))).isInstanceOf(ConflictException.class);

        Timer call = registry.get(CALL_TIMER).tags("datasource", "People", "model", "Owner", "operation", "create",
                "outcome", "ConflictException").timer();
        assertThat(call.count()).isEqualTo(1);
        Timer failed = registry.get(STATEMENT_TIMER).tags("datasource", "People", "model", "Owner", "operation", "create",
                "strategy", "direct", "outcome", "ConflictException").timer();
        assertThat(failed.count()).as("the insert that the database refused, with the translated error").isEqualTo(1);
        assertThat(registry.find(STATEMENT_TIMER).tag("outcome", "success").timers()).isEmpty();
    }

    @Test
    void outcomeIsSuccessOrTheExceptionsSimpleName() {
        assertThat(MicrometerQueryListener.outcome(null)).isEqualTo("success");
        assertThat(MicrometerQueryListener.outcome(new FilterException("where.x", "bad"))).isEqualTo("FilterException");

        SimpleMeterRegistry own = new SimpleMeterRegistry();
        MicrometerQueryListener listener = new MicrometerQueryListener(own);
        listener.onStatement(new QueryListener.StatementEvent("Core", "User", "find", "direct", 1_000_000, null));
        listener.onStatement(new QueryListener.StatementEvent("Core", "User", "find", "direct", 3_000_000, null));
        listener.onCall(new QueryListener.CallEvent("Core", "User", "find", 2, 5_000_000, new IllegalStateException("x")));
        Timer statements = own.get(STATEMENT_TIMER).tag("outcome", "success").timer();
        assertThat(statements.count()).isEqualTo(2);
        assertThat(statements.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(4.0);
        assertThat(own.get(CALL_TIMER).tag("outcome", "IllegalStateException").timer().count()).isEqualTo(1);
        assertThat(own.get(STATEMENTS_PER_CALL).tag("outcome", "IllegalStateException").summary().totalAmount()).isEqualTo(2.0);
    }

    private static Set<String> tagKeys(Meter meter) {
        return meter.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet());
    }
}
