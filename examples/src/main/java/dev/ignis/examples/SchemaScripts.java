package dev.ignis.examples;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.engine.Engine;
import dev.ignis.engine.settings.QueryListener;
import dev.ignis.examples.datasource.ExampleSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Prints the DDL Hibernate would run for the example's datasources on their databases, as a starting
 * {@code V1__init.sql}: {@code --datasource CoreDataSource} for one of them, and the connection flags of {@link Main}
 * ({@code --core-url ...}) for the database whose dialect to write. Starts nothing and changes nothing.
 */
public final class SchemaScripts {
    private SchemaScripts() {
    }

    public static void main(String[] args) {
        Map<String, String> flags = Main.parse(args);
        print(ExampleSettings.from(flags, System.getenv()), flags.get("--datasource"), System.out);
    }

    static void print(ExampleSettings settings, String dataSource, PrintStream out) {
        Engine engine = DaggerExampleComponent.factory().create(settings, QueryListener.NONE, new SimpleMeterRegistry()).app().engine();
        try (engine) {
            List<String> names = dataSource != null ? List.of(engine.dataSource(dataSource).name())
                    : engine.dataSources().stream().map(IDataSource::name).toList();
            for (String name : names) {
                out.println("-- V1__init.sql of " + name + " (" + engine.dataSource(name).driver() + ")");
                out.println(engine.createSchemaScript(name));
            }
        }
    }
}
