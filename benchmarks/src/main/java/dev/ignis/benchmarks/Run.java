package dev.ignis.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a benchmark profile group by group (each group with its own forks and iterations), writes JMH's JSON
 * result, then prints the ratio table ({@link Report}).
 * <pre>
 * Run quick|full|smoke [--only REGEX] [--prof gc|stack|...] [-p name=v1,v2] [--forks N] [--warmups N] [--iterations N]
 *     [--out FILE] [--skip-verify]
 * Run report FILE.json [MORE.json ...]   (later files replace the same benchmarks of earlier ones)
 * </pre>
 */
public final class Run {
    private static final String[] JVM_ARGS = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.jboss.logging.provider=slf4j"};

    /** A set of benchmark classes measured with the same forks and iterations. */
    record Group(String name, String classes, int forks, int warmups, TimeValue warmupTime, int iterations, TimeValue iterationTime) {
    }

    private Run() {
    }

    static List<Group> profile(String name) {
        TimeValue s1 = TimeValue.seconds(1);
        return switch (name) {
            // About 8 minutes on 2 quiet cores (23 benchmarks, 2 forks each; 11.5 min under a load average of 10-20). Hibernate-based reads need ~7 s of warm-up before throughput settles.
            case "quick" -> List.of(
                    new Group("reads", "ReadBench|CrossBench", 2, 7, s1, 2, s1),
                    new Group("crud", "CrudBench", 2, 4, s1, 2, s1),
                    new Group("compile", "CompileBench", 2, 3, s1, 2, s1),
                    new Group("boot-cold", "BootColdBench", 3, 0, s1, 1, s1),
                    new Group("boot-warm", "BootWarmBench", 2, 3, s1, 4, s1));
            case "full" -> List.of(
                    new Group("reads", "ReadBench|CrossBench", 3, 10, s1, 10, s1),
                    new Group("crud", "CrudBench", 3, 8, s1, 8, s1),
                    new Group("compile", "CompileBench", 3, 5, s1, 5, s1),
                    new Group("boot-cold", "BootColdBench", 8, 0, s1, 1, s1),
                    new Group("boot-warm", "BootWarmBench", 3, 5, s1, 10, s1));
            // Checks that everything runs, in this JVM (no forks): numbers mean nothing.
            case "smoke" -> List.of(
                    new Group("all", "ReadBench|CrossBench|CrudBench|CompileBench", 0, 0, s1, 1, TimeValue.milliseconds(200)),
                    new Group("boot", "BootWarmBench", 0, 0, s1, 1, s1));
            default -> throw new IllegalArgumentException("unknown profile '" + name + "'; use quick, full, smoke or report FILE");
        };
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
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--only" -> only = args.get(++i);
                case "--prof" -> profiler = args.get(++i);
                case "--out" -> out = Path.of(args.get(++i));
                case "--skip-verify" -> verify = false;
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
                || forks != null || warmups != null || iterations != null)) {
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
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(include)
                    .forks(forks != null ? forks : group.forks())
                    .warmupIterations(warmups != null ? warmups : group.warmups())
                    .warmupTime(group.warmupTime())
                    .measurementIterations(iterations != null ? iterations : group.iterations())
                    .measurementTime(group.iterationTime())
                    .jvmArgs(JVM_ARGS)
                    .shouldFailOnError(profile.equals("smoke"));
            if (profiler != null) {
                String[] nameAndInit = profiler.split(":", 2);
                if (nameAndInit.length == 2) {
                    options.addProfiler(nameAndInit[0], nameAndInit[1]);
                } else {
                    options.addProfiler(profiler);
                }
            }
            params.forEach(options::param);
            System.out.println("[bench] group " + group.name() + ": " + group.forks() + " forks, " + group.warmups() + " warm-up and "
                    + group.iterations() + " measured iterations");
            try {
                results.addAll(new Runner(options.build()).run());
            } catch (NoBenchmarksException e) {
                System.out.println("[bench] group " + group.name() + ": nothing matches, skipped");
            }
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
