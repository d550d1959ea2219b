package dev.ignis.conformance;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.ViewRepository;
import dev.ignis.conformance.model.Audited;
import dev.ignis.conformance.model.AuxEntry;
import dev.ignis.conformance.model.Counter;
import dev.ignis.conformance.model.Doc;
import dev.ignis.conformance.model.Note;
import dev.ignis.conformance.model.Person;
import dev.ignis.conformance.model.PersonView;
import dev.ignis.conformance.model.Tagged;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every contract can use: the target database, the started datasources and their repositories, the
 * engine's clock and current user, and plain JDBC for checking what is really stored. Implemented by
 * {@link ConformanceTestBase}.
 */
public interface ConformanceFixture {
    /** Rows a filter without limit returns, as configured on the suite's engine. */
    int ENGINE_DEFAULT_LIMIT = 20;
    /** The largest limit the suite's engine accepts. */
    int ENGINE_MAX_LIMIT = 50;

    DatabaseTarget database();

    /** The datasource owning every model except {@link AuxEntry}. */
    IDataSource mainDataSource();

    /** A second datasource on the same server, owning {@link AuxEntry}. */
    IDataSource auxDataSource();

    CrudRepository<Person, String> persons();

    CrudRepository<Counter, Integer> counters();

    CrudRepository<Note, String> notes();

    ViewRepository<PersonView, String> personView();

    CrudRepository<Tagged, String> tagged();

    CrudRepository<Doc, String> docs();

    CrudRepository<Audited, String> audited();

    CrudRepository<AuxEntry, String> auxEntries();

    /** The engine's clock; reset before every test to {@link Samples#T0}. */
    MutableClock clock();

    /**
     * A second datasource on the suite's database serving {@code Item}, {@code ItemTag}, {@code Job} and
     * {@code Reading} (tables the main datasource created) with its own pool and statement listener; closed after
     * the class.
     */
    IDataSource concurrentDataSource(int poolSize, dev.ignis.engine.settings.QueryListener listener);

    /** Sets who the engine's {@code CurrentUser} says is writing; null for nobody. Reset to "tester" before every test. */
    void currentUser(String userId);

    /** The first column of the first row of a query on the suite's schema, by plain JDBC (null when no row). */
    Object jdbcValue(String sql, Object... params);

    /** Runs one statement on the suite's schema by plain JDBC (DDL the engine did not write, for instance). */
    void jdbcExecute(String sql);

    /** Quotes an identifier for {@link #jdbcValue}. */
    default String q(String identifier) {
        return database().q(identifier);
    }

    /** The {@link Samples#people()} rows, created through the repository. */
    default List<Person> seedPeople() {
        List<Person> created = persons().createAll(Samples.people()).data();
        assertThat(created).hasSize(Samples.people().size());
        return created;
    }

    /** The codes of the rows {@code filter} finds on {@link #persons()}, in the order returned. */
    default List<String> codes(Filter filter) {
        return Samples.codes(persons().find(filter));
    }
}
