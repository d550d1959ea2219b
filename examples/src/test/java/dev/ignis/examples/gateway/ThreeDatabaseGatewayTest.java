package dev.ignis.examples.gateway;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Include;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.examples.model.AuditEvent;
import dev.ignis.examples.model.Configuration;
import dev.ignis.examples.model.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on three real databases in one engine: users on PostgreSQL, configurations on MariaDB, audit events
 * on H2. Includes cross them in both directions and nest across all three; statement counts are checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeDatabaseGatewayTest {
    final List<QueryListener.StatementEvent> statements = new CopyOnWriteArrayList<>();
    Engine engine;
    CrudRepository<User, String> users;
    CrudRepository<Configuration, String> configurations;
    CrudRepository<AuditEvent, Long> events;

    static BaseDataSource dataSource(String name, String driver, String url, String user, Class<?>... models) {
        return new BaseDataSource(DataSourceConfig.named(name).driver(driver).url(url).user(user)
                .schemaAction(SchemaAction.CREATE).models(models)) {
        };
    }

    @BeforeAll
    void start() {
        BaseDataSource pg = dataSource("Users", "postgres", LiveDatabases.postgresUrl(), "postgres", User.class);
        BaseDataSource maria = dataSource("Configurations", "mariadb", LiveDatabases.mariadbUrl(), "root", Configuration.class);
        BaseDataSource h2 = dataSource("Audit", "h2", "jdbc:h2:mem:gateway-audit;DB_CLOSE_DELAY=-1", "sa", AuditEvent.class);
        engine = Engine.builder().dataSources(pg, maria, h2).listener(new QueryListener() {
            @Override
            public void onStatement(StatementEvent event) {
                statements.add(event);
            }
        }).maxLimit(2000).build().start();
        users = new CrudRepository<>(pg, User.class);
        configurations = new CrudRepository<>(maria, Configuration.class);
        events = new CrudRepository<>(h2, AuditEvent.class);
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void seed() {
        events.deleteAll(Where.empty(), WriteOptions.forced());
        configurations.deleteAll(Where.empty(), WriteOptions.forced());
        users.deleteAll(Where.empty(), WriteOptions.forced());
        User ada = users.create(new User("Ada", "eng")).single();
        User bob = users.create(new User("Bob", "ops")).single();
        Configuration a = configurations.create(new Configuration("alpha", "g1", ada.getId())).single();
        Configuration b = configurations.create(new Configuration("beta", "g2", bob.getId())).single();
        events.createAll(List.of(new AuditEvent("created", a.getId(), ada.getId()), new AuditEvent("created", b.getId(), bob.getId()),
                new AuditEvent("updated", b.getId(), ada.getId())));
        statements.clear();
    }

    @Test
    void mariadbRowsIncludePostgresUsers() {
        List<Configuration> rows = configurations.find(Filter.empty().order("code ASC").include("creator", "modifier"));
        assertThat(rows).extracting(c -> c.getCreator().getName()).containsExactly("Ada", "Bob");
        assertThat(rows).extracting(c -> c.getModifier().getName()).containsExactly("Ada", "Bob");
        assertThat(statements).extracting(QueryListener.StatementEvent::dataSource)
                .as("creator and modifier read the same users: one lookup serves both")
                .containsExactlyInAnyOrder("Configurations", "Users");
    }

    @Test
    void postgresUsersIncludeMariadbConfigurationsAndTheirH2Events() {
        List<User> rows = users.find(Filter.empty().order("name ASC")
                .include(Include.of("configurations", Filter.empty().include(
                        Include.of("events", Filter.empty().order("action ASC")), Include.of("creator")))));
        User bob = rows.get(1);
        assertThat(bob.getConfigurations()).singleElement().satisfies(c -> {
            assertThat(c.getCode()).isEqualTo("beta");
            assertThat(c.getEvents()).extracting(AuditEvent::getAction).containsExactly("created", "updated");
            assertThat(c.getCreator().getName()).isEqualTo("Bob");
        });
        assertThat(statements).extracting(QueryListener.StatementEvent::dataSource)
                .containsExactlyInAnyOrder("Users", "Configurations", "Audit", "Users");
    }

    @Test
    void h2EventsNestAcrossAllThree() {
        List<AuditEvent> rows = events.find(Filter.where("action", "updated")
                .include(Include.of("configuration", Filter.empty().include("creator")), Include.of("actor")));
        assertThat(rows).singleElement().satisfies(e -> {
            assertThat(e.getConfiguration().getCode()).isEqualTo("beta");
            assertThat(e.getConfiguration().getCreator().getName()).isEqualTo("Bob");
            assertThat(e.getActor().getName()).isEqualTo("Ada");
        });
        assertThat(statements).hasSize(4);
    }

    @Test
    void whereOnARelatedFieldOnAnotherDatabase() {
        assertThat(configurations.find(Filter.where("creator.name", "Ada"))).extracting(Configuration::getCode).containsExactly("alpha");
        assertThat(events.find(Filter.where("configuration.code", "beta"))).hasSize(2);
        assertThat(users.find(Filter.where("configurations.group", "g2"))).extracting(User::getName).containsExactly("Bob");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1000})
    void statementsStayConstantAcrossDatabases(int page) {
        List<AuditEvent> many = new ArrayList<>();
        Configuration alpha = configurations.findOne(Filter.where("code", "alpha")).orElseThrow();
        for (int i = 0; i < page; i++) {
            many.add(new AuditEvent("bulk", alpha.getId(), alpha.getCreatedBy()));
        }
        events.createAll(many, WriteOptions.noReturn());
        statements.clear();
        List<AuditEvent> rows = events.find(Filter.where("action", "bulk").limit(page).include("configuration", "actor"));
        assertThat(rows).hasSize(page).allSatisfy(e -> assertThat(e.getActor().getName()).isEqualTo("Ada"));
        assertThat(statements).as("1 page + 1 per relation, whatever the page").hasSize(3);
    }

    @Test
    void keysPastTheDriverLimitAreChunked() {
        List<User> many = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            many.add(new User("u" + i, "bulk"));
        }
        List<User> created = users.createAll(many).data();
        List<Configuration> configs = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            configs.add(new Configuration("bulk-" + i, "bulk", created.get(i).getId()));
        }
        configurations.createAll(configs, WriteOptions.noReturn());
        statements.clear();
        List<Configuration> rows = configurations.find(Filter.where("group", "bulk").limit(1500).include("creator"));
        assertThat(rows).hasSize(1500).allSatisfy(c -> assertThat(c.getCreator()).isNotNull());
        assertThat(statements.stream().filter(s -> s.dataSource().equals("Users")).count())
                .as("1500 keys in chunks of the driver's 1000").isEqualTo(2);
    }
}
