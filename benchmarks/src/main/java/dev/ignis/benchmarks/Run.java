package dev.ignis.benchmarks;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs a benchmark profile group by group (each group with its own forks and iterations), writes JMH's JSON
 * result, then prints the ratio table ({@link Report}).
 * <pre>
 * Run quick|full|smoke [--only REGEX] [--prof gc|stack|...] [-p name=v1,v2] [--forks N] [--warmups N] [--iterations N]
 *     [--out FILE] [--skip-verify] [--jvm-arg ARG]...
 * Run report FILE.json [MORE.json ...]   (later files replace the same benchmarks of earlier ones)
 * </pre>
 */
public final class Run {
    private static final String[] JVM_ARGS = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"};

    /** A set of benchmark classes measured with the same forks and iterations. */
    record Group(String name, String classes, int forks, int warmups, TimeValue warmupTime, int iterations, TimeValue iterationTime) {
    }

    private Run() {
    }

    static List<Group> profile(String name) {
        TimeValue s1 = TimeValue.seconds(1);
        return switch (name) {
            // About 10 minutes on 2 cores: 13 read benchmarks, 8 CRUD, 4 compile and 4 boot, 2 rounds of one fork each
            // (3 for a cold boot). Each fork spends ~3 s starting (JVM, engine, dataset check, VACUUM). The warm-ups
            // are what the read paths need before their throughput stops climbing (plain Hibernate ~7 s, the
            // library's findById ~5 s); with 2-3 s, findById read 0.48 x JDBC and plain Hibernate on H2 0.05 x. A warm
            // boot is single shots of ~0.1 s: three datasources still started in 110-130 ms after 15 starts, in 60-70
            // after 20. Compile: with 3 s of warm-up, parse + count read 53-72 us per filter, with 5 s 8 us.
            case "quick" -> List.of(
                    new Group("reads", "ReadBench|CrossBench", 2, 7, s1, 2, s1),
                    new Group("per-parent", "PerParentBench", 1, 5, s1, 3, s1),
                    new Group("crud", "CrudBench", 2, 5, s1, 2, s1),
                    new Group("bulk", "BulkBench", 2, 5, s1, 2, s1),
                    new Group("compile", "CompileBench", 2, 5, s1, 2, s1),
                    new Group("boot-cold", "BootColdBench", 3, 0, s1, 1, s1),
                    new Group("boot-warm", "BootWarmBench", 2, 30, s1, 10, s1));
            case "full" -> List.of(
                    new Group("reads", "ReadBench|CrossBench", 3, 10, s1, 10, s1),
                    new Group("per-parent", "PerParentBench", 2, 5, s1, 5, s1),
                    new Group("crud", "CrudBench", 3, 8, s1, 8, s1),
                    new Group("bulk", "BulkBench", 3, 8, s1, 8, s1),
                    new Group("compile", "CompileBench", 3, 5, s1, 5, s1),
                    new Group("boot-cold", "BootColdBench", 8, 0, s1, 1, s1),
                    new Group("boot-warm", "BootWarmBench", 3, 20, s1, 20, s1));
            // Checks that everything runs, in this JVM (no forks): numbers mean nothing.
            case "smoke" -> List.of(
                    new Group("all", "ReadBench|CrossBench|CrudBench|BulkBench|CompileBench", 0, 0, s1, 1, TimeValue.milliseconds(200)),
                    new Group("boot", "BootWarmBench", 0, 0, s1, 1, s1));
            default -> throw new IllegalArgumentException("unknown profile '" + name + "'; use quick, full, smoke or report FILE");
        };
    }

    /** The benchmark methods (full names) that {@code include} selects, in JMH's order. */
    private static List<String> benchmarks(String include) {
        Set<String> names = new LinkedHashSet<>();
        BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of(include), List.of())
                .forEach(entry -> names.add(entry.getUsername()));
        return new ArrayList<>(names);
    }

    /** The forks of one benchmark from every round, as one result (JMH's JSON then lists each fork's iterations). */
    private static RunResult merged(List<RunResult> rounds) {
        if (rounds.size() == 1) {
            return rounds.get(0);
        }
        List<BenchmarkResult> forks = new ArrayList<>();
        rounds.forEach(round -> forks.addAll(round.getBenchmarkResults()));
        return new RunResult(rounds.get(0).getParams(), forks);
    }

    public static void main(String[] argv) throws IOException, RunnerException {
        List<String> args = new ArrayList<>();
        for (String arg : argv) {
            args.addAll(Arrays.asList(arg.trim().split("\\s+")));
        }
        args.removeIf(String::isEmpty);
        if (args.isEmpty()) {
            args.add("quick");
        }
        String profile = args.get(0);
        if (profile.equals("report")) {
            List<Path> files = new ArrayList<>();
            args.subList(1, args.size()).forEach(f -> files.add(Path.of(f)));
            Report.print(files, System.out);
            return;
        }
        String only = null;
        String profiler = null;
        Path out = Path.of("target", "jmh-" + profile + ".json");
        boolean verify = true;
        Integer forks = null;
        Integer warmups = null;
        Integer iterations = null;
        Map<String, String[]> params = new LinkedHashMap<>();
        List<String> jvmArgs = new ArrayList<>(Arrays.asList(JVM_ARGS));
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--only" -> only = args.get(++i);
                case "--prof" -> profiler = args.get(++i);
                case "--out" -> out = Path.of(args.get(++i));
                case "--skip-verify" -> verify = false;
                case "--jvm-arg" -> jvmArgs.add(args.get(++i));
                case "--forks" -> forks = Integer.valueOf(args.get(++i));
                case "--warmups" -> warmups = Integer.valueOf(args.get(++i));
                case "--iterations" -> iterations = Integer.valueOf(args.get(++i));
                case "-p" -> {
                    String[] kv = args.get(++i).split("=", 2);
                    params.put(kv[0], kv[1].split(","));
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args.get(i) + "'");
            }
        }
        if (out.equals(Path.of("target", "jmh-" + profile + ".json")) && (only != null || profiler != null || !params.isEmpty()
                || forks != null || warmups != null || iterations != null || jvmArgs.size() > JVM_ARGS.length)) {
            out = Path.of("target", "jmh-" + profile + "-partial.json"); // a partial run never replaces a whole profile's result
        }
        List<Group> groups = profile(profile);
        if (verify) {
            Verify.run();
        }
        long started = System.nanoTime();
        List<RunResult> results = new ArrayList<>();
        for (Group group : groups) {
            String include = "^(?=.*\\.(" + group.classes() + ")\\.)" + (only == null ? "" : "(?=.*(" + only + "))");
            int rounds = forks != null ? forks : group.forks();
            System.out.println("[bench] group " + group.name() + ": " + (rounds == 0 ? "in this JVM (no forks), " : rounds + " rounds of one fork per benchmark, ")
                    + (warmups != null ? warmups : group.warmups()) + " warm-up and " + (iterations != null ? iterations : group.iterations())
                    + " measured iterations");
            // One fork per benchmark per round, in the opposite order every other round (A B C, then C B A): each
            // contender gets forks at different times of the run, and a database server whose speed drifts steadily
            // over minutes weighs on every contender alike instead of on whichever ran last.
            List<String> benchmarks = benchmarks(include);
            if (benchmarks.isEmpty()) {
                System.out.println("[bench] group " + group.name() + ": nothing matches, skipped");
                continue;
            }
            ChainedOptionsBuilder groupOptions = new OptionsBuilder()
                    .forks(rounds == 0 ? 0 : 1)
                    .warmupIterations(warmups != null ? warmups : group.warmups())
                    .warmupTime(group.warmupTime())
                    .measurementIterations(iterations != null ? iterations : group.iterations())
                    .measurementTime(group.iterationTime())
                    .jvmArgs(jvmArgs.toArray(new String[0]))
                    .shouldFailOnError(profile.equals("smoke"));
            if (profiler != null) {
                String[] nameAndInit = profiler.split(":", 2);
                if (nameAndInit.length == 2) {
                    groupOptions.addProfiler(nameAndInit[0], nameAndInit[1]);
                } else {
                    groupOptions.addProfiler(profiler);
                }
            }
            params.forEach(groupOptions::param);
            Options shared = groupOptions.build();
            Map<String, List<RunResult>> byBenchmark = new LinkedHashMap<>();
            for (int round = 0; round < Math.max(1, rounds); round++) {
                List<String> order = new ArrayList<>(benchmarks);
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (String benchmark : order) {
                    Options one = new OptionsBuilder().parent(shared).include("^" + Pattern.quote(benchmark) + "$").build();
                    for (RunResult result : new Runner(one).run()) {
                        byBenchmark.computeIfAbsent(result.getParams().id(), id -> new ArrayList<>()).add(result);
                    }
                }
            }
            byBenchmark.values().forEach(forksOfOne -> results.add(merged(forksOfOne)));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintStream json = new PrintStream(Files.newOutputStream(out), true, "UTF-8")) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, json).writeOut(results);
        }
        System.out.printf("[bench] %s profile took %.1f min; JMH result: %s%n", profile, (System.nanoTime() - started) / 60e9, out);
        Path markdown = out.resolveSibling(out.getFileName().toString().replace(".json", ".md"));
        try (PrintStream md = new PrintStream(Files.newOutputStream(markdown), true, "UTF-8")) {
            Report.print(out, md);
        }
        Report.print(out, System.out);
    }
}
