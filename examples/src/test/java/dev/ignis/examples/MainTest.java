package dev.ignis.examples;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.datasource.ReplicaConfig;
import dev.ignis.examples.datasource.ExampleSettings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainTest {

    @Test
    void runsTheSeedQueriesOnEmbeddedH2() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.run(ExampleSettings.from(Map.of("--core-url", "jdbc:h2:mem:main-test-core;DB_CLOSE_DELAY=-1",
                "--audit-url", "jdbc:h2:mem:main-test-audit;DB_CLOSE_DELAY=-1"), Map.of()),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("some_code (general) created by Ada");
        assertThat(out).as("the seed's query joins the creator: one statement")
                .containsPattern("created by Ada\\R\\s+1 statement: 1 on CoreDataSource \\(direct\\)");
        assertThat(out).contains("updated other_code by Ada (configuration created by Bob)");
        assertThat(out).contains("on CoreDataSource (cross-datasource)");
        assertThat(out).as("the cross-datasource call's trace: the call, its own statement, its includes' statements")
                .containsPattern("\\R\\s+AuditEvent\\.find  datasource=AuditDataSource outcome=success [0-9.]+ ms \\[main]\\R"
                        + "\\s+├─ sql AuditEvent\\.find  datasource=AuditDataSource strategy=direct outcome=success ")
                .containsPattern("─ sql (User|Configuration)\\.include  datasource=CoreDataSource strategy=cross-datasource outcome=success "
                        + "[0-9.]+ ms \\[ignis-include");
        assertThat(out).contains("other_code (billing) last modified by Ada, latest event: updated");
        assertThat(out).contains("some_code (general) last modified by Ada, latest event: created");
    }

    @Test
    void flagsAndEnvironmentChooseDrivers() {
        ExampleSettings settings = ExampleSettings.from(Map.of("--core-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                Map.of("IGNIS_AUDIT_URL", "jdbc:mysql://127.0.0.1:3306/test"));
        assertThat(settings.core().driver()).isEqualTo("postgres");
        assertThat(settings.core().user()).isEqualTo("postgres");
        assertThat(settings.audit().driver()).isEqualTo("mariadb");
        assertThat(settings.audit().user()).isEqualTo("root");
        assertThatThrownBy(() -> ExampleSettings.from(Map.of("--core-url", "jdbc:oracle:thin:@x"), Map.of()))
                .hasMessageContaining("jdbc:h2:, jdbc:postgresql: or jdbc:mysql:");
        assertThatThrownBy(() -> Main.parse(new String[] {"--bogus"})).hasMessageContaining("Unknown argument '--bogus'");
    }

    @Test
    void replicasAreRepeatableOrCommaSeparatedAndReachTheDataSources() {
        ExampleSettings settings = ExampleSettings.from(Main.parse(new String[] {
                "--core-url", "jdbc:postgresql://primary:5432/app", "--core-user", "app", "--core-password", "secret",
                "--core-replica", "jdbc:postgresql://standby1:5432/app",
                "--core-replica", "jdbc:postgresql://standby2:5432/app,jdbc:postgresql://standby3:5432,standby4:5432/app",
                "--core-transaction-pooling", "--audit-url", "jdbc:mysql://audit:3306/app"}),
                Map.of("IGNIS_AUDIT_REPLICAS", "jdbc:mysql://audit-replica:3306/app"));
        assertThat(settings.core().replicas()).as("a multi-host URL keeps its commas").containsExactly(
                "jdbc:postgresql://standby1:5432/app", "jdbc:postgresql://standby2:5432/app",
                "jdbc:postgresql://standby3:5432,standby4:5432/app");
        assertThat(settings.core().transactionPooling()).isTrue();
        assertThat(settings.audit().replicas()).containsExactly("jdbc:mysql://audit-replica:3306/app");
        assertThat(settings.audit().transactionPooling()).isFalse();

        DataSourceConfig core = settings.core().config("Core").build();
        assertThat(core.replicaSettings().replicas()).extracting(ReplicaConfig::url).hasSize(3).first()
                .isEqualTo("jdbc:postgresql://standby1:5432/app");
        assertThat(core.replicaSettings().replicas()).as("the primary's credentials")
                .allSatisfy(r -> assertThat(r.user()).isNull()).allSatisfy(r -> assertThat(r.password()).isNull());
        assertThat(core.transactionPooling()).isTrue();
        assertThat(ExampleSettings.from(Map.of(), Map.of("IGNIS_CORE_TRANSACTION_POOLING", "true")).core().transactionPooling()).isTrue();
        assertThatThrownBy(() -> ExampleSettings.from(Map.of("--core-url", "jdbc:postgresql://primary/app",
                "--core-replica", "jdbc:mysql://elsewhere/app"), Map.of()))
                .hasMessageContaining("Replica jdbc:mysql://elsewhere/app of the core datasource needs the postgres driver");
    }

    @Test
    void serveTakesAnOptionalPort() {
        assertThat(Main.parse(new String[] {"--serve"})).containsEntry("--serve", "8080");
        assertThat(Main.parse(new String[] {"--serve", "0"})).containsEntry("--serve", "0");
        assertThat(Main.parse(new String[] {"--serve", "--core-url", "jdbc:h2:mem:x"}))
                .containsEntry("--serve", "8080").containsEntry("--core-url", "jdbc:h2:mem:x");
        assertThat(Main.parse(new String[] {"--core-url jdbc:h2:mem:x --serve 9090"})).containsEntry("--serve", "9090");
        assertThatThrownBy(() -> Main.parse(new String[] {"--serve", "70000"})).hasMessageContaining("out of range");
    }
}
