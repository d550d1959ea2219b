package dev.ignis.conformance;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.FilterCodec;
import dev.ignis.api.filter.Where;
import dev.ignis.conformance.FilterFuzzer.Kind;
import dev.ignis.conformance.FilterFuzzer.Schema;
import dev.ignis.conformance.model.AuxEntry;
import dev.ignis.conformance.model.Counter;
import dev.ignis.conformance.model.Doc;
import dev.ignis.conformance.model.HzAux;
import dev.ignis.conformance.model.HzNode;
import dev.ignis.conformance.model.Note;
import dev.ignis.conformance.model.Person;
import dev.ignis.conformance.model.Tagged;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Generative fuzzing of the JSON filter ({@link FilterFuzzer}): every document, run through {@code find},
 * {@code count}, {@code findWithRange} or {@code updateAll} (without force, in a transaction that is rolled back),
 * either runs or fails with a {@link FilterException} that has a path; never another exception type, never a hang
 * (each document is watched with a timeout); returned rows never carry hidden properties; and no row of any table
 * changes. The number of documents is {@link #fuzzDocuments()} (a driver test overrides it, {@code -Dignis.fuzz.documents}
 * overrides both); the seed is printed, {@code -Dignis.fuzz.seed} and {@code -Dignis.fuzz.index} replay.
 *
 * <p>The limits are checked separately, with the messages they give: nesting depth, include depth, document size,
 * array length, string length, number length.
 */
public interface FilterFuzzContract extends HostileInputFixture {
    /** Documents of a run when the test class does not say otherwise. */
    int DEFAULT_DOCUMENTS = 3_000;
    /** Marks a case that hit a {@link KnownEngineBugs known engine bug}. */
    String KNOWN = "known engine bug: ";
    /** How long one document may take before the run counts it as a hang. */
    Duration PER_DOCUMENT_TIMEOUT = Duration.ofSeconds(10);

    /** How many documents to fuzz on this database; {@code -Dignis.fuzz.documents} wins when given. */
    default long fuzzDocuments() {
        return DEFAULT_DOCUMENTS;
    }

    /**
     * Threads that run documents at the same time (updates still run one at a time). One by default; an in-process
     * database uses the machine's cores with more.
     */
    default int fuzzThreads() {
        return 1;
    }

    /** {@code -Dignis.fuzz.documents} when given, else {@code fallback}. */
    static long documents(long fallback) {
        String value = System.getProperty("ignis.fuzz.documents");
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    }

    // ---- the run

    /** The seed of CI runs. */
    long CI_SEED = 20_261_125L;

    @Test
    default void fuzzedFiltersRunOrFailWithAFilterErrorAndChangeNothing() {
        seedFuzzData();
        HostileFixture hostile = hostile();
        List<String> tables = new ArrayList<>(List.of("cf_person", "cf_doc", "cf_tagged", "cf_note", "cf_counter", "cf_aux_entry"));
        tables.addAll(HostileFixture.TABLES);
        tables.add(HostileFixture.CANARY);
        Map<String, List<List<String>>> before = hostile.snapshot(tables);

        String seedProperty = System.getProperty("ignis.fuzz.seed");
        // CI replays one fixed seed, so a red build always reproduces; elsewhere every run explores new documents.
        long seed = seedProperty != null && !seedProperty.isBlank() ? Long.parseLong(seedProperty.trim())
                : "true".equalsIgnoreCase(System.getenv("CI")) ? CI_SEED : System.nanoTime() ^ System.currentTimeMillis() << 20;
        String indexProperty = System.getProperty("ignis.fuzz.index");
        Long only = indexProperty == null || indexProperty.isBlank() ? null : Long.parseLong(indexProperty.trim());
        long documents = documents(fuzzDocuments());
        String label = database().kind() + " (driver " + database().driver() + ")";
        System.out.println("[ignis fuzz] " + label + ": fuzzing " + (only == null ? documents + " documents" : "document " + only)
                + " with seed " + seed + " (replay: -Dignis.fuzz.seed=" + seed + ")");

        FilterFuzzRun run = new FilterFuzzRun(label, seed, documents, only, fuzzTargets(), PER_DOCUMENT_TIMEOUT, fuzzThreads()).run();
        System.out.println(run.summary());

        assertThat(run.passed()).as("fuzzing %s with seed %d found problems:%n%s", label, seed, run.failureReport()).isTrue();
        assertThat(run.documentsRun()).isEqualTo(only == null ? documents : 1);
        assertThat(hostile.snapshot(tables)).as("no row of any table changed after %d fuzzed documents", run.documentsRun())
                .isEqualTo(before);
    }

    /** The repositories the fuzzer picks from, with their schemas and how often each is picked. */
    private List<FilterFuzzRun.Target> fuzzTargets() {
        HostileFixture hostile = hostile();
        Consumer<Object> personCheck = row -> assertThat(((Person) row).getSecret()).as("hidden 'secret' of %s", row).isNull();
        Consumer<Object> nodeCheck = row -> checkNode((HzNode) row, Collections.newSetFromMap(new IdentityHashMap<>()));
        Consumer<Object> auxCheck = row -> {
            List<HzNode> nodes = ((HzAux) row).getNodes();
            if (nodes != null) {
                nodes.forEach(nodeCheck);
            }
        };
        List<FilterFuzzRun.Target> targets = new ArrayList<>();
        targets.add(new FilterFuzzRun.Target("Person", schemas().get("Person"), persons(), mainDataSource(),
                Map.of("name", "fuzzed"), 22, personCheck));
        targets.add(new FilterFuzzRun.Target("HzNode", schemas().get("HzNode"), hostile.nodes(), hostile.mainDataSource(),
                Map.of("label", "fuzzed"), 30, nodeCheck));
        targets.add(new FilterFuzzRun.Target("HzAux", schemas().get("HzAux"), hostile.auxes(), hostile.auxDataSource(),
                Map.of("name", "fuzzed"), 8, auxCheck));
        targets.add(new FilterFuzzRun.Target("HzLink", schemas().get("HzLink"), hostile.links(), hostile.mainDataSource(),
                Map.of("toId", "n1"), 3, null));
        targets.add(new FilterFuzzRun.Target("Doc", schemas().get("Doc"), docs(), mainDataSource(), Map.of("label", "fuzzed"), 9, null));
        targets.add(new FilterFuzzRun.Target("Tagged", schemas().get("Tagged"), tagged(), mainDataSource(), Map.of("label", "fuzzed"), 6, null));
        targets.add(new FilterFuzzRun.Target("Note", schemas().get("Note"), notes(), mainDataSource(), Map.of("title", "fuzzed"), 6, null));
        targets.add(new FilterFuzzRun.Target("Counter", schemas().get("Counter"), counters(), mainDataSource(), Map.of("amount", 7L), 5, null));
        targets.add(new FilterFuzzRun.Target("PersonView", schemas().get("PersonView"), personView(), mainDataSource(), null, 5, null));
        targets.add(new FilterFuzzRun.Target("AuxEntry", schemas().get("AuxEntry"), auxEntries(), auxDataSource(),
                Map.of("label", "fuzzed"), 3, null));
        return targets;
    }

    private static void checkNode(HzNode node, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        assertThat(node.getToken()).as("hidden 'token' of %s", node).isNull();
        checkNode(node.getParent(), seen);
        if (node.getChildren() != null) {
            node.getChildren().forEach(n -> checkNode(n, seen));
        }
        if (node.getLinked() != null) {
            node.getLinked().forEach(n -> checkNode(n, seen));
        }
        if (node.getAux() != null && node.getAux().getNodes() != null) {
            node.getAux().getNodes().forEach(n -> checkNode(n, seen));
        }
    }

    /** The models as the generator sees them: filter keys and kinds, relations, hidden properties. */
    static Map<String, Schema> schemas() {
        Map<String, Schema> s = new LinkedHashMap<>();
        s.put("Person", new Schema("Person", fields("id", Kind.STRING, "name", Kind.STRING, "code", Kind.STRING, "age", Kind.INT,
                "score", Kind.DECIMAL, "active", Kind.BOOL, "status", Kind.ENUM, "birthDate", Kind.DATE, "lastSeen", Kind.INSTANT,
                "secret", Kind.STRING, "createdAt", Kind.INSTANT, "modifiedAt", Kind.INSTANT, "createdBy", Kind.STRING,
                "modifiedBy", Kind.STRING), Map.of(), Set.of("secret"), List.of("id-p1", "id-p2")));
        s.put("HzNode", new Schema("HzNode", fields("id", Kind.STRING, "label", Kind.STRING, "parentId", Kind.STRING,
                "auxId", Kind.STRING, "rank", Kind.INT, "weight", Kind.DECIMAL, "flag", Kind.BOOL, "seenAt", Kind.INSTANT,
                "day", Kind.DATE, "token", Kind.STRING, "meta", Kind.JSON),
                relations("parent", "HzNode", "children", "HzNode", "aux", "HzAux", "linked", "HzNode"), Set.of("token"),
                List.of("n1", "n2")));
        s.put("HzAux", new Schema("HzAux", fields("id", Kind.STRING, "name", Kind.STRING), relations("nodes", "HzNode"), Set.of(),
                List.of("a1")));
        s.put("HzLink", new Schema("HzLink", fields("id", Kind.STRING, "fromId", Kind.STRING, "toId", Kind.STRING), Map.of(),
                Set.of(), List.of("l1")));
        s.put("Doc", new Schema("Doc", fields("id", Kind.STRING, "label", Kind.STRING, "meta", Kind.JSON), Map.of(), Set.of(),
                List.of()));
        s.put("Tagged", new Schema("Tagged", fields("id", Kind.STRING, "label", Kind.STRING, "tags", Kind.ARRAY), Map.of(),
                Set.of(), List.of()));
        s.put("Note", new Schema("Note", fields("id", Kind.STRING, "title", Kind.STRING, "deleted", Kind.BOOL), Map.of(),
                Set.of(), List.of()));
        s.put("Counter", new Schema("Counter", fields("id", Kind.INT, "label", Kind.STRING, "amount", Kind.LONG), Map.of(),
                Set.of(), List.of()));
        s.put("PersonView", new Schema("PersonView", fields("id", Kind.STRING, "code", Kind.STRING, "name", Kind.STRING,
                "age", Kind.INT), Map.of(), Set.of(), List.of()));
        s.put("AuxEntry", new Schema("AuxEntry", fields("id", Kind.STRING, "label", Kind.STRING), Map.of(), Set.of(), List.of()));
        return s;
    }

    private static Map<String, Kind> fields(Object... pairs) {
        Map<String, Kind> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Kind) pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, String> relations(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Small tables: the suite's people, docs, tagged rows, notes, counters and aux entries, and the hostile graph. */
    private void seedFuzzData() {
        seedPeople();
        docs().createAll(List.of(new Doc("d1", Map.of("a", Map.of("b", "x"), "n", 3, "label", "b")),
                new Doc("d2", Map.of("a", Map.of("b", "y"), "n", 10)), new Doc("d3", Map.of("n", "seven", "items", List.of(1, 2))),
                new Doc("d4", Map.of())));
        tagged().createAll(List.of(new Tagged("t1", "a", "b"), new Tagged("t2", "java"), new Tagged("t3")));
        notes().createAll(List.of(new Note("alpha", false), new Note("bravo", true), new Note("charlie", false)));
        counters().createAll(List.of(new Counter("one", 1L), new Counter("two", 2L), new Counter("none", null)));
        auxEntries().createAll(List.of(new AuxEntry("aux one"), new AuxEntry("aux two")));
        hostile().seed();
    }

    // ---- limits, with the messages they give

    private FilterException filterError(Runnable call) {
        Throwable[] caught = new Throwable[1];
        try {
            call.run();
        } catch (Throwable e) {
            caught[0] = e;
        }
        assertThat(caught[0]).as("expected a FilterException").isInstanceOf(FilterException.class);
        FilterException f = (FilterException) caught[0];
        assertThat(f.path()).isNotBlank();
        return f;
    }

    private static String nestedAnd(int levels) {
        return "{\"where\":" + "{\"and\":[".repeat(levels) + "{\"label\":\"root\"}" + "]}".repeat(levels) + "}";
    }

    @Test
    default void nestingDepthIsLimitedWithAClearMessage() {
        hostile().seed();
        // where sits at depth 1, every and/or adds one: 31 nested ands reach the limit exactly
        int allowed = FilterCodec.MAX_DEPTH - 1;
        assertThat(hostile().nodes().find(Filter.parse(nestedAnd(allowed)))).extracting(HzNode::getLabel).containsExactly("root");

        FilterException tooDeep = filterError(() -> hostile().nodes().find(Filter.parse(nestedAnd(allowed + 1))));
        assertThat(tooDeep.getMessage()).contains("nested deeper than " + FilterCodec.MAX_DEPTH + " levels");
        assertThat(tooDeep.path()).startsWith("where.and[0]");

        FilterException farTooDeep = filterError(() -> Filter.parse(nestedAnd(5_000)));
        assertThat(farTooDeep.getMessage()).containsAnyOf("deeper than", "nesting depth");
        assertThat(farTooDeep.path()).isEqualTo("$");
    }

    @Test
    default void includeDepthIsLimitedWithAClearMessage() {
        hostile().seed();
        int max = HostileFixture.MAX_INCLUDE_DEPTH;
        assertThat(hostile().nodes().find(Filter.parse(nestedIncludes(max)).withWhere(dev.ignis.api.filter.Where.eq("id", "n5"))))
                .singleElement().satisfies(n -> assertThat(n.getParent().getParent().getParent().getLabel()).isEqualTo("root"));

        FilterException tooDeep = filterError(() -> hostile().nodes().find(Filter.parse(nestedIncludes(max + 1))));
        assertThat(tooDeep.getMessage()).contains("includes nest deeper than " + max + " levels");
        assertThat(tooDeep.path()).contains("scope.include");

        FilterException farTooDeep = filterError(() -> hostile().nodes().find(Filter.parse(nestedIncludes(200))));
        assertThat(farTooDeep.getMessage()).containsAnyOf("deeper than", "nesting depth");
    }

    private static String nestedIncludes(int levels) {
        return "{" + "\"include\":[{\"relation\":\"parent\",\"scope\":{".repeat(levels) + "}}]".repeat(levels) + "}";
    }

    @Test
    default void includeCyclesStopAtTheDepthLimit() {
        hostile().seed();
        // n6 and n7 are each other's parent: a cycle in the data, bounded by the include depth.
        String cycle = "{\"where\":{\"id\":\"n6\"},\"include\":[{\"relation\":\"parent\",\"scope\":{\"include\":[{\"relation\":\"parent\","
                + "\"scope\":{\"include\":[{\"relation\":\"children\",\"scope\":{\"include\":[\"linked\",\"aux\"]}}]}}]}}]}";
        List<HzNode> rows = hostile().nodes().find(Filter.parse(cycle));
        assertThat(rows).singleElement().satisfies(n -> {
            assertThat(n.getParent().getId()).isEqualTo("n7");
            assertThat(n.getParent().getParent().getId()).isEqualTo("n6");
            assertThat(n.getParent().getParent().getChildren()).extracting(HzNode::getId).containsExactly("n7");
        });
        // the model graph's own cycle, node -> aux -> nodes -> aux -> ..., as deep as allowed
        String crossCycle = "{\"where\":{\"id\":\"n1\"},\"include\":[{\"relation\":\"aux\",\"scope\":{\"include\":[{\"relation\":\"nodes\","
                + "\"scope\":{\"order\":\"id\",\"include\":[{\"relation\":\"aux\",\"scope\":{\"include\":[\"nodes\"]}}]}}]}}]}";
        assertThat(hostile().nodes().find(Filter.parse(crossCycle))).singleElement()
                .satisfies(n -> assertThat(n.getAux().getNodes()).extracting(HzNode::getId).containsExactly("n1", "n3"));
    }

    @Test
    default void documentSizeIsLimitedWithAClearMessage() {
        hostile().seed();
        String padded = "{\"where\":{\"label\":\"root\"}}";
        String atLimit = padded + " ".repeat(FilterCodec.MAX_LENGTH - padded.length());
        assertThat(hostile().nodes().find(Filter.parse(atLimit))).hasSize(1);

        FilterException tooLong = filterError(() -> Filter.parse(atLimit + " "));
        assertThat(tooLong.getMessage()).contains("longer than " + FilterCodec.MAX_LENGTH + " characters");
        assertThat(tooLong.path()).isEqualTo("$");
    }

    @Test
    default void veryLongStringsAndNumbersFailCleanlyOrMatchNothing() {
        hostile().seed();
        String longValue = "x".repeat(200_000);
        assertThat(hostile().nodes().find(Filter.where("label", longValue))).isEmpty();
        assertThat(hostile().nodes().find(Filter.parse("{\"where\":{\"label\":{\"like\":\"%" + longValue + "%\"}}}"))).isEmpty();
        String longName = "x".repeat(40_000);
        assertThat(filterError(() -> hostile().nodes().find(Filter.parse("{\"where\":{\"" + longName + "\":1}}"))).getMessage())
                .contains("unknown property");
        assertThat(filterError(() -> Filter.parse("{\"where\":{\"" + longValue + "\":1}}")).getMessage())
                .containsIgnoringCase("name length");
        FilterException longNumber = filterError(() -> Filter.parse("{\"where\":{\"rank\":" + "9".repeat(5_000) + "}}"));
        assertThat(longNumber.getMessage()).containsIgnoringCase("number");
        assertThat(filterError(() -> hostile().nodes().find(Filter.parse("{\"where\":{\"rank\":" + "9".repeat(90) + "}}")))
                .getMessage()).contains("rank");
    }

    /**
     * Runs a call that must return or throw a FilterException with a path, within the per-document timeout; what went
     * wrong instead is added to {@code problems} (one line each), so that one test reports every case.
     */
    private void runsOrFailsCleanly(List<String> problems, String what, Runnable call) {
        Throwable error;
        try {
            error = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(PER_DOCUMENT_TIMEOUT, () -> {
                try {
                    call.run();
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            }, what);
        } catch (AssertionError timeout) {
            problems.add(what + " -> no answer within " + PER_DOCUMENT_TIMEOUT.toSeconds() + " s");
            return;
        }
        if (error != null && !(error instanceof FilterException f && f.path() != null && !f.path().isBlank())) {
            java.util.Optional<KnownEngineBugs.Bug> known = KnownEngineBugs.match(error);
            if (known.isPresent()) {
                problems.add(KNOWN + known.get().id() + " <- " + FilterFuzzRun.shorten(what, 120));
                return;
            }
            String message = String.valueOf(error.getMessage());
            StringBuilder frames = new StringBuilder();
            if (error instanceof Error) {
                StackTraceElement[] trace = error.getStackTrace();
                for (int i = 0; i < Math.min(4, trace.length); i++) {
                    frames.append(" at ").append(trace[i]);
                }
            }
            problems.add(FilterFuzzRun.shorten(what, 200) + " -> " + error.getClass().getName() + ": "
                    + message.substring(0, Math.min(message.length(), 300)).replace('\n', ' ') + frames);
        }
    }

    private void assertNoProblems(String what, List<String> all) {
        List<String> known = all.stream().filter(p -> p.startsWith(KNOWN)).toList();
        List<String> problems = all.stream().filter(p -> !p.startsWith(KNOWN)).toList();
        if (!known.isEmpty()) {
            Map<String, Long> byBug = new java.util.TreeMap<>();
            known.forEach(k -> byBug.merge(k.substring(KNOWN.length(), k.indexOf(" <- ")), 1L, Long::sum));
            System.out.println("[ignis hostile] " + database().kind() + " " + what + ": known engine bugs hit (tolerated) " + byBug
                    + ", e.g. " + known.get(0).substring(KNOWN.length()));
        }
        assertThat(problems.isEmpty()).as("%s on %s: these did not run and did not fail with a FilterException:%n%s", what,
                database(), String.join("\n", problems)).isTrue();
    }

    /**
     * A JSON path compared with numbers where one row holds text there ({@code "n": "seven"}): reads and writes either
     * run or fail with a FilterException (MariaDB's strict mode turns the cast warning into an error in UPDATE and
     * DELETE only), and a failed write changes no row.
     */
    @Test
    default void numericJsonPathConditionsOverTextRowsRunOrFailCleanlyInReadsAndWrites() {
        seedFuzzData();
        Map<String, List<List<String>>> before = hostile().snapshot(List.of("cf_doc"));
        List<String> problems = new ArrayList<>();
        for (String condition : List.of("{\"meta.n\":{\"nin\":[1e2,-1]}}", "{\"meta.n\":{\"gt\":5}}", "{\"meta.n\":{\"lt\":4}}")) {
            Where where = Filter.parse("{\"where\":" + condition + "}").where();
            runsOrFailsCleanly(problems, "find " + condition, () -> docs().find(Filter.where(where)));
            runsOrFailsCleanly(problems, "count " + condition, () -> docs().count(where));
            runsOrFailsCleanly(problems, "updateAll " + condition, () -> mainDataSource().transaction(tx -> {
                docs().updateAll(Map.of("label", "changed"), where);
                tx.setRollbackOnly();
                return null;
            }));
            runsOrFailsCleanly(problems, "deleteAll " + condition, () -> mainDataSource().transaction(tx -> {
                docs().deleteAll(where);
                tx.setRollbackOnly();
                return null;
            }));
        }
        assertNoProblems("numeric JSON paths over text rows", problems);
        assertThat(hostile().snapshot(List.of("cf_doc"))).isEqualTo(before);
    }

    /**
     * Numbers beyond what the columns and the JSON functions hold. (Exponents of a billion are in
     * {@link HostileInputBugsContract#aDecimalWithAnExtremeExponentIsAFilterErrorOrMatchesNothing}: on MariaDB each one
     * makes Connector/J build a 1 GB statement text, too slow to repeat here.)
     */
    @Test
    default void numbersOutOfRangeFailCleanlyOrMatchNothing() {
        hostile().seed();
        seedPeople();
        List<String> problems = new ArrayList<>();
        List<String> numbers = List.of("1e309", "-1e309", "1e-400", "-0", "-0.0", "123456789012345678901234567890",
                "1e99999", "-1e99999", "1e-99999", "0e999999999", "9223372036854775808", "1.7976931348623157e308",
                "4.9e-324", "99999999999.999", "1e38", "1e39");
        for (String number : numbers) {
            for (String field : List.of("rank", "weight", "meta.n", "id")) {
                for (String op : List.of("eq", "gt", "inq", "between")) {
                    String operand = op.equals("inq") ? "[" + number + "]" : op.equals("between") ? "[" + number + ",1]" : number;
                    String doc = "{\"where\":{\"" + field + "\":{\"" + op + "\":" + operand + "}}}";
                    runsOrFailsCleanly(problems, doc, () -> hostile().nodes().find(Filter.parse(doc)));
                }
            }
            for (String field : List.of("score", "age")) {
                String doc = "{\"where\":{\"" + field + "\":{\"lt\":" + number + "}}}";
                runsOrFailsCleanly(problems, doc, () -> persons().find(Filter.parse(doc)));
            }
            String limit = "{\"limit\":" + number + ",\"skip\":" + number + "}";
            runsOrFailsCleanly(problems, limit, () -> hostile().nodes().find(Filter.parse(limit)));
        }
        assertNoProblems("numbers out of range", problems);
    }

    @Test
    default void temporalValuesOutOfTheDatabaseRangeFailCleanlyOrMatchNothing() {
        hostile().seed();
        List<String> problems = new ArrayList<>();
        for (String value : List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "0001-01-01", "9999-12-31", "+10000-01-01",
                "-4713-11-24", "1582-10-10")) {
            String day = "{\"where\":{\"day\":{\"gte\":\"" + value + "\"}}}";
            runsOrFailsCleanly(problems, day, () -> hostile().nodes().find(Filter.parse(day)));
            String instant = "{\"where\":{\"seenAt\":{\"lt\":\"" + value + "T00:00:00Z\"}}}";
            runsOrFailsCleanly(problems, instant, () -> hostile().nodes().find(Filter.parse(instant)));
        }
        assertNoProblems("dates and timestamps out of range", problems);
    }

    @Test
    default void longRelationChainsAndWideListsFailCleanlyOrRun() {
        hostile().seed();
        List<String> problems = new ArrayList<>();
        for (int hops : new int[]{10, 40, 200, 3_000}) {
            String doc = "{\"where\":{\"" + "parent.".repeat(hops) + "label\":\"root\"}}";
            runsOrFailsCleanly(problems, "a related field " + hops + " relations deep", () -> hostile().nodes().find(Filter.parse(doc)));
        }
        for (int width : new int[]{1_000, 10_000}) {
            StringBuilder or = new StringBuilder("{\"where\":{\"or\":[");
            for (int i = 0; i < width; i++) {
                or.append(i == 0 ? "" : ",").append("{\"rank\":").append(i % 10).append('}');
            }
            or.append("]}}");
            runsOrFailsCleanly(problems, "an or of " + width + " conditions", () -> hostile().nodes().find(Filter.parse(or.toString())));
        }
        StringBuilder siblings = new StringBuilder("{\"where\":{");
        for (int i = 0; i < 5_000; i++) {
            siblings.append(i == 0 ? "" : ",").append("\"meta.k").append(i).append("\":").append(i);
        }
        siblings.append("}}");
        runsOrFailsCleanly(problems, "5000 sibling JSON path conditions", () -> hostile().nodes().find(Filter.parse(siblings.toString())));
        StringBuilder includes = new StringBuilder("{\"include\":[");
        for (int i = 0; i < 2_000; i++) {
            includes.append(i == 0 ? "" : ",").append("\"children\"");
        }
        includes.append("]}");
        runsOrFailsCleanly(problems, "2000 includes side by side", () -> hostile().nodes().find(Filter.parse(includes.toString())));
        assertNoProblems("long relation chains and wide lists", problems);
    }

    /** A list as long as the document allows: it must run, or fail as a filter error that states the limit. */
    @Test
    default void hugeArraysRunOrFailWithAClearMessage() {
        hostile().seed();
        for (int size : new int[]{1_000, 10_000, 40_000, 100_000}) {
            StringBuilder doc = new StringBuilder("{\"where\":{\"rank\":{\"inq\":[");
            for (int i = 0; i < size; i++) {
                doc.append(i == 0 ? "" : ",").append(i % 10);
            }
            doc.append("]}}}");
            Throwable error = null;
            List<HzNode> rows = null;
            try {
                rows = hostile().nodes().find(Filter.parse(doc.toString()).limit(50));
            } catch (Throwable e) {
                error = e;
            }
            if (error == null) {
                assertThat(rows).as("inq of %d values", size).extracting(HzNode::getId)
                        .containsExactlyInAnyOrder("n1", "n2", "n3", "n4", "n5", "n6", "n7");
            } else if (KnownEngineBugs.match(error).isPresent()) {
                System.out.println("[ignis hostile] " + database().kind() + ": known engine bug '" + KnownEngineBugs.match(error).get().id()
                        + "' hit by an inq of " + size + " values");
            } else {
                assertThat(error).as("inq of %d values on %s: %s", size, database(), FilterFuzzRun.stackTrace(error))
                        .isInstanceOf(FilterException.class);
                assertThat(error.getMessage()).as("says how many values are allowed").containsPattern("\\d");
            }
        }
    }
}
