package dev.ignis.engine.defaults;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.QueryOptions;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.engine.Engine;
import dev.ignis.engine.include.StatementCounter;
import dev.ignis.engine.smoke.TestH2Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A related-field condition whose intermediate rows have a default filter reaching another datasource, on three
 * datasources: invoices and their projects on Billing, project owners on People, clients on Crm. A project is visible
 * only while its owner is active, so {@code project.name} matches only such projects: the owner condition of the
 * default filter is a key lookup on People, planned like the caller's own hops and run inside the call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntermediateDefaultFilterTest {
    private final StatementCounter counter = new StatementCounter();
    private Engine engine;
    private CrudRepository<Invoice, String> invoices;
    private CrudRepository<Project, String> projects;
    private CrudRepository<Owner, String> owners;
    private CrudRepository<Client, String> clients;

    @BeforeAll
    void start() {
        BaseDataSource billing = new DataSource(DataSourceConfig.named("Billing").driver("test-h2").database("df-billing")
                .schemaAction(SchemaAction.CREATE).models(Invoice.class, Project.class));
        BaseDataSource people = new DataSource(DataSourceConfig.named("People").driver("test-h2").database("df-people")
                .schemaAction(SchemaAction.CREATE).models(Owner.class));
        BaseDataSource crm = new DataSource(DataSourceConfig.named("Crm").driver("test-h2").database("df-crm")
                .schemaAction(SchemaAction.CREATE).models(Client.class));
        engine = Engine.builder().drivers(new TestH2Driver()).dataSources(billing, people, crm).listener(counter).build().start();
        invoices = new CrudRepository<>(billing, Invoice.class);
        projects = new CrudRepository<>(billing, Project.class);
        owners = new CrudRepository<>(people, Owner.class);
        clients = new CrudRepository<>(crm, Client.class);
    }

    @AfterAll
    void stop() {
        engine.close();
    }

    @BeforeEach
    void seed() {
        for (CrudRepository<?, String> repo : List.of(invoices, projects, owners, clients)) {
            repo.deleteAll(Where.empty(), WriteOptions.forced().withSkipDefaultFilter(true));
        }
        owners.createAll(List.of(new Owner("o1", "Ada", true), new Owner("o2", "Bob", false)));
        clients.createAll(List.of(new Client("c1", "EU"), new Client("c2", "US")));
        // Two projects named Apollo: only the active owner's is visible.
        projects.createAll(List.of(new Project("p1", "Apollo", "o1"), new Project("p2", "Apollo", "o2"), new Project("p3", "Gemini", "o1")));
        invoices.createAll(List.of(new Invoice("i1", "A-1", "p1", "c1"), new Invoice("i2", "A-2", "p2", "c1"),
                new Invoice("i3", "G-1", "p3", "c2"), new Invoice("i4", "A-3", "p1", "c2")));
        counter.reset();
    }

    @Test
    void theIntermediateDefaultFilterIsAKeyLookupOnItsDataSource() {
        assertThat(invoices.find(Filter.where("project.name", "Apollo").order("number ASC"))).extracting(i -> i.number)
                .containsExactly("A-1", "A-3");
        assertThat(counter.count("People", "cross-datasource")).as("the owners' lookup").isEqualTo(1);
        assertThat(counter.count("Billing", "direct")).as("the invoices, with EXISTS over their projects").isEqualTo(1);
        assertThat(counter.calls).singleElement().satisfies(call -> assertThat(call.statements()).isEqualTo(2));
    }

    @Test
    void withAHopOntoTheThirdDataSourceEachDataSourceRunsOneStatement() {
        Filter filter = Filter.where(Where.and(Where.eq("project.name", "Apollo"), Where.eq("client.region", "US")));
        assertThat(invoices.find(filter)).extracting(i -> i.number).containsExactly("A-3");
        assertThat(counter.statements).extracting(e -> e.dataSource()).containsExactlyInAnyOrder("People", "Crm", "Billing");
    }

    @Test
    void countAndExistsWithPlanTheSameLookupInsideTheirCall() {
        assertThat(invoices.count(Where.eq("project.name", "Apollo"))).isEqualTo(2);
        assertThat(invoices.existsWith(Where.eq("project.name", "Gemini"))).isTrue();
        assertThat(counter.calls).hasSize(2).allSatisfy(call -> assertThat(call.statements()).isEqualTo(2));
    }

    @Test
    void whenTheDefaultFiltersLookupFindsNothingNoInvoiceStatementRuns() {
        owners.updateAll(java.util.Map.of("active", false), Where.empty(), WriteOptions.forced());
        counter.reset();
        assertThat(invoices.find(Filter.where("project.name", "Apollo"))).isEmpty();
        assertThat(invoices.existsWith(Where.eq("project.name", "Gemini"))).isFalse();
        assertThat(counter.statements).extracting(e -> e.dataSource()).containsExactly("People", "People");
    }

    @Test
    void aBadConditionInTheCallersWhereRunsNothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> invoices.find(Filter.where("project.nope", "x")))
                .isInstanceOf(dev.ignis.api.error.FilterException.class).hasMessageContaining("nope");
        assertThat(counter.statements).isEmpty();
    }

    @Test
    void aPlainFindByIdKeepsTheDefaultFilter() {
        assertThat(projects.findById("p1")).map(p -> p.name).contains("Apollo");
        assertThat(projects.findById("p2")).as("its owner is inactive").isEmpty();
        assertThat(projects.findById("p2", Filter.empty(), QueryOptions.skipDefaultFilter())).map(p -> p.name).contains("Apollo");
        assertThat(counter.count("People", "cross-datasource")).as("the owners' lookup of the two filtered calls").isEqualTo(2);
    }

    private static final class DataSource extends BaseDataSource {
        DataSource(DataSourceConfig.Builder config) {
            super(config);
        }
    }
}
