package dev.ignis.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one or more JMH JSON results and prints, as Markdown, the ratios between contenders measured in that run (absolute
 * figures drift on shared machines; ratios from one run hold), each against its goal from issue 7, then the
 * absolute scores. A score's ± is the standard deviation of its measured iterations (all forks together); a
 * ratio's ± combines the two relative deviations (1 σ, not a confidence interval).
 */
public final class Report {
    private Report() {
    }

    /** A benchmark's score, and the mean of each fork in run order (with alternating rounds: one per round). */
    record Score(String key, double score, double error, String unit, String mode, int samples, int run, List<Double> forks) {
        boolean isTime() {
            return !mode.equals("thrpt");
        }
    }

    /** How contender {@code num} compares with {@code den}: throughput ratio (time ratio when {@code timeRatio}). */
    record Ratio(String scenario, String label, String num, String den, boolean timeRatio, double goal, boolean atMost, String meaning) {
    }

    private static final List<Ratio> SCENARIOS_1_TO_7 = List.of(
            new Ratio("1 · H2", "(b) Hibernate / (a) JDBC", "ReadBench.hibernate[db=h2]", "ReadBench.jdbc[db=h2]", false, Double.NaN, false,
                    "plain Hibernate with join fetch, for scale"),
            new Ratio("1 · H2", "(c) Ignis typed / (a) JDBC", "ReadBench.ignisTyped[db=h2]", "ReadBench.jdbc[db=h2]", false, 0.90, false,
                    "the library's share of hand-written JDBC throughput"),
            new Ratio("1 · H2", "(c) Ignis typed / (b) Hibernate", "ReadBench.ignisTyped[db=h2]", "ReadBench.hibernate[db=h2]", false, 1.0, false,
                    "> 1: faster than plain Hibernate"),
            new Ratio("1 · H2", "(d) Ignis JSON / (c) Ignis typed", "ReadBench.ignisJson[db=h2]", "ReadBench.ignisTyped[db=h2]", false, 0.90, false,
                    "cost of parsing the JSON filter on every call"),
            new Ratio("1 · PostgreSQL", "(b) Hibernate / (a) JDBC", "ReadBench.hibernate[db=postgres]", "ReadBench.jdbc[db=postgres]", false, Double.NaN, false,
                    "plain Hibernate with join fetch, for scale"),
            new Ratio("1 · PostgreSQL", "(c) Ignis typed / (a) JDBC", "ReadBench.ignisTyped[db=postgres]", "ReadBench.jdbc[db=postgres]", false, 0.85, false,
                    "the library's share of hand-written JDBC throughput"),
            new Ratio("1 · PostgreSQL", "(c) Ignis typed / (b) Hibernate", "ReadBench.ignisTyped[db=postgres]", "ReadBench.hibernate[db=postgres]", false, 1.0, false,
                    "> 1: faster than plain Hibernate"),
            new Ratio("1 · PostgreSQL", "(d) Ignis JSON / (c) Ignis typed", "ReadBench.ignisJson[db=postgres]", "ReadBench.ignisTyped[db=postgres]", false, 0.90, false,
                    "cost of parsing the JSON filter on every call"),
            new Ratio("1 · MariaDB", "(b) Hibernate / (a) JDBC", "ReadBench.hibernate[db=mariadb]", "ReadBench.jdbc[db=mariadb]", false, Double.NaN, false,
                    "plain Hibernate with join fetch, for scale"),
            new Ratio("1 · MariaDB", "(c) Ignis typed / (a) JDBC", "ReadBench.ignisTyped[db=mariadb]", "ReadBench.jdbc[db=mariadb]", false, 0.85, false,
                    "the library's share of hand-written JDBC throughput"),
            new Ratio("1 · MariaDB", "(c) Ignis typed / (b) Hibernate", "ReadBench.ignisTyped[db=mariadb]", "ReadBench.hibernate[db=mariadb]", false, 1.0, false,
                    "> 1: faster than plain Hibernate"),
            new Ratio("1 · MariaDB", "(d) Ignis JSON / (c) Ignis typed", "ReadBench.ignisJson[db=mariadb]", "ReadBench.ignisTyped[db=mariadb]", false, 0.90, false,
                    "cost of parsing the JSON filter on every call"),
            new Ratio("2 · MariaDB → PostgreSQL", "Ignis / JDBC (2 statements stitched)", "CrossBench.ignis", "CrossBench.jdbc", false, 0.80, false,
                    "cross-datasource include against the hand-written stitch"),
            new Ratio("3 · PostgreSQL", "findById: Ignis / JDBC", "CrudBench.findByIdIgnis[crudDb=postgres]", "CrudBench.findByIdJdbc[crudDb=postgres]", false, 0.80, false,
                    "one row by primary key"),
            new Ratio("3 · PostgreSQL", "count: Ignis / JDBC", "CrudBench.countIgnis[crudDb=postgres]", "CrudBench.countJdbc[crudDb=postgres]", false, Double.NaN, false,
                    "count(*) on the indexed column (500 rows)"),
            new Ratio("3 · PostgreSQL", "create 1 row: Ignis / JDBC", "CrudBench.createIgnis[crudDb=postgres]", "CrudBench.createJdbc[crudDb=postgres]", false, Double.NaN, false,
                    "one insert (JDBC: auto-commit; Ignis: one statement, no transaction of its own)"),
            new Ratio("3 · PostgreSQL", "createAll 1000: Ignis / JDBC batch", "CrudBench.createAllIgnis[crudDb=postgres]", "CrudBench.createAllJdbc[crudDb=postgres]", false, 0.70, false,
                    "1000 rows in one transaction"),
            new Ratio("4 · H2 empty tables", "parse + count: Ignis / JDBC", "CompileBench.parseAndCount", "CompileBench.jdbcCount", true, Double.NaN, false,
                    "per filter; the library's whole per-call cost against one JDBC round trip"),
            new Ratio("5 · H2, cold JVM", "boot time: 3 datasources / 1", "BootColdBench.threeDataSources", "BootColdBench.oneDataSource", true, 1.30, true,
                    "first engine start in a fresh JVM (time ratio: lower is better)"),
            new Ratio("5 · H2, warm JVM", "boot time: 3 datasources / 1", "BootWarmBench.threeDataSources", "BootWarmBench.oneDataSource", true, 1.30, true,
                    "a later engine start in the same JVM (time ratio: lower is better)"),
            new Ratio("6 · H2", "with Micrometer / without", "ReadBench.ignisTypedMetrics[metricsDb=h2]", "ReadBench.ignisTyped[db=h2]", false, 0.97, false,
                    "scenario 1 (c) with MicrometerQueryListener on a SimpleMeterRegistry"),
            new Ratio("6 · PostgreSQL", "with Micrometer / without", "ReadBench.ignisTypedMetrics[metricsDb=postgres]", "ReadBench.ignisTyped[db=postgres]", false, 0.97, false,
                    "scenario 1 (c) with MicrometerQueryListener (full profile only)"),
            perParent("PostgreSQL", "postgres", 10_000, 0.80), perParent("PostgreSQL", "postgres", 100, Double.NaN),
            perParent("MariaDB", "mariadb", 10_000, 0.80), perParent("MariaDB", "mariadb", 100, Double.NaN),
            windowed("PostgreSQL", "postgres", 10_000), windowed("PostgreSQL", "postgres", 100),
            windowed("MariaDB", "mariadb", 10_000), windowed("MariaDB", "mariadb", 100));

    static final List<Ratio> RATIOS = java.util.stream.Stream.concat(SCENARIOS_1_TO_7.stream(),
            java.util.stream.Stream.of(bulk("PostgreSQL", "postgres"), bulk("MariaDB", "mariadb"), bulk("H2", "h2")).flatMap(List::stream)).toList();

    /** Scenario 8 on one database: upsert and stream against hand-written JDBC. */
    private static List<Ratio> bulk(String database, String key) {
        String p = "[bulkDb=" + key + "]";
        return List.of(
                new Ratio("8 · " + database, "upsertAll 1000: Ignis / JDBC batch", "BulkBench.upsertAllIgnis" + p, "BulkBench.upsertAllJdbc" + p,
                        false, 0.80, false, "1000 rows, half updates, in one transaction"),
                new Ratio("8 · " + database, "upsertAll returning rows / JDBC batch", "BulkBench.upsertAllReturningIgnis" + p, "BulkBench.upsertAllJdbc" + p,
                        false, Double.NaN, false, "the same with the stored rows returned (JDBC returns none)"),
                new Ratio("8 · " + database, "stream 20,000 rows: Ignis / JDBC cursor", "BulkBench.streamIgnis" + p, "BulkBench.streamJdbc" + p,
                        false, 0.80, false, "rows per second through a cursor"));
    }

    /** Scenario 7, the library against the hand-written index-driven statement (time ratio: higher is better). */
    private static Ratio perParent(String database, String key, int children, double goal) {
        return new Ratio("7 · " + database + ", " + children + " events per parent", "Ignis / JDBC index-driven",
                perParentScore("ignis", key, children), perParentScore("jdbcIndexed", key, children), true, goal, false,
                "100 parents with their 3 latest events");
    }

    /** Scenario 7, the old window strategy's time over the library's: how much the index-driven form saves. */
    private static Ratio windowed(String database, String key, int children) {
        return new Ratio("7 · " + database + ", " + children + " events per parent", "Ignis / JDBC row_number() window",
                perParentScore("ignis", key, children), perParentScore("jdbcWindow", key, children), true, 1.0, false,
                "> 1: faster than the old window over every event");
    }

    private static String perParentScore(String contender, String db, int children) {
        return "PerParentBench." + contender + "[children=" + children + ",ppDb=" + db + "]";
    }

    /** Scores of one or more JMH JSON results, every run's kept (run numbers follow the files' order). */
    public static List<Score> load(List<Path> jsons) throws IOException {
        List<Score> scores = new ArrayList<>();
        for (int file = 0; file < jsons.size(); file++) {
            Map<String, Score> one = new LinkedHashMap<>();
            load(jsons.get(file), file + 1, one);
            scores.addAll(one.values());
        }
        return scores;
    }

    /** The two scores of a ratio: from the latest run that has both, else the latest of each (then not one run). */
    private static Score[] pair(List<Score> scores, String num, String den) {
        Score[] best = null;
        Score lastNum = null;
        Score lastDen = null;
        for (Score a : scores) {
            if (a.key().equals(num)) {
                lastNum = a;
                for (Score b : scores) {
                    if (b.key().equals(den) && b.run() == a.run()) {
                        best = new Score[] {a, b};
                    }
                }
            } else if (a.key().equals(den)) {
                lastDen = a;
            }
        }
        if (best != null) {
            return best;
        }
        return lastNum == null || lastDen == null ? null : new Score[] {lastNum, lastDen};
    }

    private static void load(Path json, int runNumber, Map<String, Score> scores) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        for (JsonNode run : root) {
            String name = run.get("benchmark").asText();
            String[] parts = name.split("\\.");
            StringBuilder key = new StringBuilder(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]);
            JsonNode params = run.get("params");
            if (params != null && params.size() > 0) {
                Map<String, String> sorted = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    sorted.put(p.getKey(), p.getValue().asText());
                }
                List<String> kv = new ArrayList<>();
                sorted.forEach((k, v) -> kv.add(k + "=" + v));
                key.append('[').append(String.join(",", kv)).append(']');
            }
            JsonNode metric = run.get("primaryMetric");
            List<Double> values = new ArrayList<>();
            List<Double> forks = new ArrayList<>();
            for (JsonNode fork : metric.get("rawData")) {
                List<Double> ofFork = new ArrayList<>();
                fork.forEach(v -> ofFork.add(v.asDouble()));
                values.addAll(ofFork);
                forks.add(ofFork.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
            }
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double sd = values.size() < 2 ? Double.NaN
                    : Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
            scores.put(key.toString(), new Score(key.toString(), metric.get("score").asDouble(), sd,
                    metric.get("scoreUnit").asText(), run.get("mode").asText(), values.size(), runNumber, forks));
        }
    }

    public static void print(Path json, PrintStream out) throws IOException {
        print(List.of(json), out);
    }

    /** With several files, a ratio whose two scores come from different runs is marked as such. */
    public static void print(List<Path> jsons, PrintStream out) throws IOException {
        List<Score> scores = load(jsons);
        boolean several = jsons.size() > 1;
        if (several) {
            out.println();
            for (int i = 0; i < jsons.size(); i++) {
                out.println("run " + (i + 1) + ": " + jsons.get(i));
            }
        }
        out.println();
        // "per round": the ratio of each round's forks alone. The machine's speed can change between rounds (by half,
        // here), which widens ± although both contenders of a round ran minutes apart under the same conditions.
        out.println("| scenario | ratio | value ± 1 σ | per round | goal | status | what it means |");
        out.println("|---|---|---|---|---|---|---|");
        for (Ratio r : RATIOS) {
            Score[] pair = pair(scores, r.num(), r.den());
            if (pair == null) {
                continue;
            }
            Score num = pair[0];
            Score den = pair[1];
            double ratio = r.timeRatio() && !r.atMost() ? den.score() / num.score() : num.score() / den.score();
            double rel = Math.sqrt(sq(relative(num)) + sq(relative(den)));
            String value = Double.isNaN(rel) ? fmt(ratio) : fmt(ratio) + " ± " + fmt(ratio * rel);
            String goal = Double.isNaN(r.goal()) ? "—" : (r.atMost() ? "≤ " : "≥ ") + fmt(r.goal());
            String status = "—";
            if (!Double.isNaN(r.goal())) {
                boolean met = r.atMost() ? ratio <= r.goal() : ratio >= r.goal();
                boolean close = !Double.isNaN(rel) && Math.abs(ratio - r.goal()) <= ratio * rel;
                status = (met ? "met" : "**not met**") + (close ? " (within 1 σ)" : "");
            }
            String runs = !several ? "" : num.run() == den.run() ? " (run " + num.run() + ")" : " (runs " + num.run() + "/" + den.run() + ": NOT one run)";
            out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", r.scenario(), r.label(), value + runs, perRound(r, num, den), goal, status,
                    r.meaning());
        }
        Score parse = latest(scores, "CompileBench.parse");
        Score count = latest(scores, "CompileBench.parseAndCount");
        Score find = latest(scores, "CompileBench.parseAndFind");
        Score jdbc = latest(scores, "CompileBench.jdbcCount");
        if (parse != null && count != null && jdbc != null) {
            out.println();
            out.printf("Scenario 4, per filter (average of 5): parse %s µs; parse + count %s µs; parse + find %s µs; "
                            + "JDBC count %s µs; library cost over the JDBC round trip ≈ %s µs (count)%s.%n",
                    fmt(parse.score()), fmt(count.score()), find == null ? "—" : fmt(find.score()), fmt(jdbc.score()),
                    fmt(count.score() - jdbc.score()), find == null ? "" : ", " + fmt(find.score() - jdbc.score()) + " µs (find)");
        }
        out.println();
        out.println("| benchmark | score | ± (1 σ) | unit | samples |" + (several ? " run |" : ""));
        out.println("|---|---:|---:|---|---:|" + (several ? "---:|" : ""));
        for (Score s : scores) {
            out.printf("| %s | %s | %s | %s | %d |%s%n", s.key(), fmt(s.score()), fmt(s.error()), s.unit(), s.samples(),
                    several ? " " + s.run() + " |" : "");
        }
    }

    private static String perRound(Ratio r, Score num, Score den) {
        int rounds = Math.min(num.forks().size(), den.forks().size());
        if (rounds < 2 || num.run() != den.run()) {
            return "—";
        }
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            double a = num.forks().get(i);
            double b = den.forks().get(i);
            ratios.add(fmt(r.timeRatio() && !r.atMost() ? b / a : a / b));
        }
        return String.join(" / ", ratios);
    }

    private static Score latest(List<Score> scores, String key) {
        Score found = null;
        for (Score s : scores) {
            if (s.key().equals(key)) {
                found = s;
            }
        }
        return found;
    }

    private static double relative(Score s) {
        return s.error() / s.score();
    }

    private static double sq(double v) {
        return v * v;
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
