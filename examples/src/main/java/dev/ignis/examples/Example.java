package dev.ignis.examples;

import dev.ignis.api.repository.WriteOptions;
import dev.ignis.engine.IgnisApplication;
import dev.ignis.examples.datasource.ExampleSettings;
import dev.ignis.examples.model.AuditEvent;
import dev.ignis.examples.model.Configuration;
import dev.ignis.examples.model.User;
import dev.ignis.examples.repository.AuditEventRepository;
import dev.ignis.examples.repository.ConfigurationRepository;
import dev.ignis.examples.repository.UserRepository;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.List;
import java.util.Map;

/**
 * The example application, started: its Dagger component ({@link ExampleComponent}) wired with a statement log
 * and a Prometheus registry in which {@code MetricsModule} times every query. Closing it closes the datasources.
 */
public final class Example implements AutoCloseable {
    private final ExampleComponent component;
    private final IgnisApplication app;
    private final StatementLog log;
    private final PrometheusMeterRegistry meters;

    private Example(ExampleComponent component, IgnisApplication app, StatementLog log, PrometheusMeterRegistry meters) {
        this.component = component;
        this.app = app;
        this.log = log;
        this.meters = meters;
    }

    /** Builds the component and starts every datasource. */
    public static Example start(ExampleSettings settings) {
        StatementLog log = new StatementLog();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ExampleComponent component = DaggerExampleComponent.factory().create(settings, log, meters);
        try {
            return new Example(component, component.app().start(), log, meters);
        } catch (RuntimeException e) {
            meters.close();
            throw e;
        }
    }

    /** Two users and two configurations on the core datasource, three audit events on the audit datasource. */
    public void seed() {
        UserRepository users = component.users();
        ConfigurationRepository configurations = component.configurations();
        AuditEventRepository events = component.auditEvents();
        User ada = users.create(new User("Ada", "engineering")).single();
        User bob = users.create(new User("Bob", "operations")).single();
        Configuration some = configurations.create(new Configuration("some_code", "general", ada.getId())).single();
        Configuration other = configurations.create(new Configuration("other_code", "billing", bob.getId())).single();
        configurations.updateById(other.getId(), Map.of("modifiedBy", ada.getId()));
        events.createAll(List.of(new AuditEvent("created", some.getId(), ada.getId()),
                new AuditEvent("created", other.getId(), bob.getId()),
                new AuditEvent("updated", other.getId(), ada.getId())), WriteOptions.noReturn());
    }

    public ExampleComponent component() {
        return component;
    }

    public IgnisApplication app() {
        return app;
    }

    /** Where {@code MetricsModule}'s listener records; {@code scrape()} gives the Prometheus text format. */
    public PrometheusMeterRegistry meters() {
        return meters;
    }

    StatementLog log() {
        return log;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            meters.close();
        }
    }
}
