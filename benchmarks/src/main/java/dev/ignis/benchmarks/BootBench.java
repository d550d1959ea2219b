package dev.ignis.benchmarks;

import dev.ignis.api.datasource.SchemaAction;
import dev.ignis.benchmarks.model.Comment;
import dev.ignis.benchmarks.model.Configuration;
import dev.ignis.benchmarks.model.Project;
import dev.ignis.benchmarks.model.Tag;
import dev.ignis.benchmarks.model.Task;
import dev.ignis.benchmarks.model.User;
import dev.ignis.benchmarks.support.BenchDataSource;
import dev.ignis.benchmarks.support.Db;
import dev.ignis.engine.Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 5: {@code Engine.builder()...build().start()} with 1 datasource / 2 models against 3 datasources /
 * 6 models, on fresh H2 in-memory databases (schema created, pools opened, SessionFactories built), in single-shot
 * mode. {@link BootColdBench} measures the first start in a fresh JVM (what an application's startup sees),
 * {@link BootWarmBench} later starts in the same JVM (classes loaded and compiled).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class BootBench {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @State(Scope.Thread)
    public static class Started {
        Engine engine;

        @TearDown(Level.Invocation)
        public void close() {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }

    private static BenchDataSource fresh(String name, Class<?>... models) {
        // no DB_CLOSE_DELAY: the in-memory database goes away when the engine closes its pool
        String url = "jdbc:h2:mem:boot" + DATABASES.incrementAndGet();
        return BenchDataSource.of(name, Db.H2, url, SchemaAction.CREATE, models);
    }

    @Benchmark
    public Engine oneDataSource(Started s) {
        s.engine = BenchDataSource.start(null, fresh("Core", User.class, Configuration.class));
        return s.engine;
    }

    @Benchmark
    public Engine threeDataSources(Started s) {
        s.engine = BenchDataSource.start(null, fresh("Core", User.class, Configuration.class),
                fresh("Work", Project.class, Task.class), fresh("Notes", Tag.class, Comment.class));
        return s.engine;
    }
}
