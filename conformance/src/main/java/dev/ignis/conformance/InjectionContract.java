package dev.ignis.conformance;

import dev.ignis.api.error.FilterException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.WriteOptions;
import dev.ignis.conformance.model.HzNode;
import dev.ignis.conformance.model.Person;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL injection: a corpus of payloads ({@code injection-payloads.txt}: classic tautologies, stacked queries, comments,
 * quote and backslash games, unicode homoglyphs and invisible characters, NUL, MySQL-, PostgreSQL-, H2- and HQL-specific
 * tricks) placed in values ({@code eq}, {@code neq}, {@code inq}, {@code nin}, {@code like}, {@code ilike},
 * {@code regexp}, typed properties, JSON paths, related fields, update data), field names, order strings, relation
 * names, JSON path segments, operators, keys and {@code fields}.
 *
 * <ul>
 *   <li>a value matches exactly the rows that literally hold it (for patterns: the rows the pattern describes), never more;</li>
 *   <li>an identifier the metamodel does not know fails with a {@link FilterException} that names it, before any SQL
 *       runs (counted on the hostile engine's statement listener);</li>
 *   <li>no data changes or leaks: after every payload the canary table (which no model maps) holds its rows, and every
 *       model table holds exactly what it held before.</li>
 * </ul>
 * The number of payloads and placements tried is printed per database.
 */
public interface InjectionContract extends HostileInputFixture {
    String PAYLOADS = "injection-payloads.txt";
    /** Names the metamodel knows; a payload must be none of them, or an identifier position would legitimately accept it. */
    Set<String> KNOWN_NAMES = Set.of("id", "label", "parentId", "auxId", "rank", "weight", "flag", "seenAt", "day", "token", "meta",
            "parent", "children", "aux", "linked", "nodes", "name", "code", "age", "score", "active", "status", "birthDate",
            "lastSeen", "secret", "createdAt", "modifiedAt", "createdBy", "modifiedBy", "where", "fields", "order", "limit",
            "skip", "offset", "include", "withDeleted", "onlyDeleted", "relation", "scope", "shouldSkipDefaultFilter", "and", "or");

    /** The corpus, decoded (escapes: \\ \n \r \t \0 \\uXXXX), without duplicates, in file order. */
    static List<String> payloads() {
        Set<String> payloads = new LinkedHashSet<>();
        try (InputStream in = InjectionContract.class.getResourceAsStream(PAYLOADS)) {
            assertThat(in).as("resource %s", PAYLOADS).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith(";;")) {
                    continue;
                }
                payloads.add(decode(line));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + PAYLOADS, e);
        }
        return new ArrayList<>(payloads);
    }

    private static String decode(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                out.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                case 'u' -> {
                    out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }

    // ---- shared checks

    /** What one database run tried and found, printed at the end of each test. */
    final class Tally {
        final Map<String, Integer> placements = new TreeMap<>();
        final Map<String, Integer> knownBugs = new TreeMap<>();
        final Map<String, String> knownBugExamples = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        int payloads;

        void tried(String placement) {
            placements.merge(placement, 1, Integer::sum);
        }

        int total() {
            return placements.values().stream().mapToInt(Integer::intValue).sum();
        }

        void problem(String payload, String placement, String what) {
            if (problems.size() < 200) {
                problems.add(placement + " with payload " + FilterFuzzer.quoteJson(payload) + ": " + what);
            }
        }

        /** True when the error is a known engine bug (then counted, not a problem). */
        boolean known(Throwable e, String payload, String placement) {
            Optional<KnownEngineBugs.Bug> bug = KnownEngineBugs.match(e);
            if (bug.isEmpty()) {
                return false;
            }
            knownBugs.merge(bug.get().id(), 1, Integer::sum);
            knownBugExamples.putIfAbsent(bug.get().id(), placement + " with " + FilterFuzzer.quoteJson(payload));
            return true;
        }
    }

    private static Throwable attempt(Runnable call) {
        try {
            call.run();
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    private static String describe(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return e.getClass().getName() + ": " + message.substring(0, Math.min(message.length(), 300));
    }

    /** Whether a FilterException message names the payload (whole, trimmed, or each of its words). */
    private static boolean mentions(String message, String payload) {
        if (payload.isBlank() || message.contains(payload) || message.contains(payload.strip()) || message.contains(payload.trim())) {
            return true;
        }
        for (String word : payload.trim().split("\\s+")) {
            if (!word.isEmpty() && message.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private void assertUntouched(HostileFixture hostile, Map<String, List<List<String>>> before, List<String> tables, Tally tally,
                                 String test) {
        assertThat(hostile.canaryRows()).as("canary table %s after %d placements on %s", HostileFixture.CANARY, tally.total(),
                database()).containsExactlyElementsOf(HostileFixture.expectedCanaryRows());
        Map<String, List<List<String>>> after = hostile.snapshot(tables);
        assertThat(after).as("every table after %d placements on %s", tally.total(), database()).isEqualTo(before);
        int rows = after.values().stream().mapToInt(List::size).sum();
        System.out.println("[ignis injection] " + database().kind() + " (driver " + database().driver() + ") " + test + ": "
                + tally.payloads + " payloads, " + tally.total() + " placements " + tally.placements + "; rows checked unchanged: "
                + rows + " in " + after.keySet().stream().map(t -> t + "=" + after.get(t).size()).collect(Collectors.joining(", "))
                + (tally.knownBugs.isEmpty() ? "" : "; known engine bugs hit (tolerated): " + tally.knownBugs + " e.g. "
                + tally.knownBugExamples));
        assertThat(tally.problems.isEmpty()).as("%s on %s, %d problems:%n%s", test, database(), tally.problems.size(),
                String.join("\n", tally.problems)).isTrue();
    }

    private List<String> tables() {
        List<String> tables = new ArrayList<>(List.of("cf_person"));
        tables.addAll(HostileFixture.TABLES);
        tables.add(HostileFixture.CANARY);
        return tables;
    }

    // ---- values

    /** Whether the database can store this payload in a VARCHAR(100): PostgreSQL text cannot hold U+0000. */
    private boolean storable(String payload) {
        return payload.length() <= 100 && !(database().kind() == DatabaseTarget.Kind.POSTGRES && payload.indexOf('\0') >= 0);
    }

    /** The payload as a JDBC driver that encodes to UTF-8 sends it: lone surrogates become '?'. */
    private static String encoded(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    default void payloadsInValuesMatchOnlyTheRowsThatHoldThem() {
        HostileFixture hostile = hostile();
        hostile.seed();
        seedPeople();
        List<String> payloads = payloads();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(200);
        Tally tally = new Tally();
        tally.payloads = payloads.size();
        List<String> notStored = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            if (!storable(payload)) {
                notStored.add(FilterFuzzer.quoteJson(payload));
                continue;
            }
            persons().create(Person.of(String.format("inj-%03d", i), payload));
            tally.tried("create");
        }
        Map<String, String> stored = storedNames();
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            String code = String.format("inj-%03d", i);
            if (stored.containsKey(code) && !stored.get(code).equals(payload) && !stored.get(code).equals(encoded(payload))) {
                tally.problem(payload, "create", "stored as " + FilterFuzzer.quoteJson(stored.get(code)));
            }
        }
        List<String> tables = tables();
        Map<String, List<List<String>>> before = hostile.snapshot(tables);

        for (String payload : payloads) {
            valuePlacements(payload, stored, tally);
        }
        if (!notStored.isEmpty()) {
            System.out.println("[ignis injection] " + database().kind() + ": " + notStored.size()
                    + " payloads not stored as names (longer than the column, or NUL on PostgreSQL), still used as values");
        }
        assertUntouched(hostile, before, tables, tally, "values");
    }

    private Map<String, String> storedNames() {
        Map<String, String> names = new TreeMap<>();
        try (Connection c = database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select " + q("code") + ", " + q("name") + " from " + q("cf_person"))) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private void valuePlacements(String payload, Map<String, String> stored, Tally tally) {
        String p = FilterFuzzer.quoteJson(payload);
        Set<String> all = stored.keySet();
        Predicate<String> equal = name -> name.equals(payload);
        Predicate<String> equalEncoded = name -> name.equals(payload) || name.equals(encoded(payload));
        Set<String> eqMin = codes(stored, equal);
        Set<String> eqMax = codes(stored, equalEncoded);

        matches(tally, payload, "eq", "{\"where\":{\"name\":" + p + "}}", eqMin, eqMax);
        matchesTyped(tally, payload, "eq (typed)", () -> Filter.where("name", payload), eqMin, eqMax);
        matches(tally, payload, "neq", "{\"where\":{\"name\":{\"neq\":" + p + "}}}", minus(all, eqMax), minus(all, eqMin));
        Set<String> alice = codes(stored, n -> n.equals("Alice"));
        matches(tally, payload, "inq", "{\"where\":{\"name\":{\"inq\":[" + p + ",\"Alice\"]}}}", union(eqMin, alice), union(eqMax, alice));
        matches(tally, payload, "nin", "{\"where\":{\"name\":{\"nin\":[" + p + "]}}}", minus(all, eqMax), minus(all, eqMin));

        Pattern likeEscaped = likeRegex(payload, true, false);
        Pattern likeLiteral = likeRegex(payload, false, false);
        Set<String> likeMax = union(codes(stored, matcher(likeEscaped)), codes(stored, matcher(likeLiteral)));
        likeMax = union(likeMax, codes(stored, n -> matcher(likeEscaped).test(encoded(n)) || n.equals(encoded(payload))));
        Set<String> likeMin = payload.indexOf('\\') < 0 && likeEscaped != null ? codes(stored, matcher(likeEscaped)) : Set.of();
        matches(tally, payload, "like", "{\"where\":{\"name\":{\"like\":" + p + "}}}", likeMin, likeMax);

        Pattern ilikeEscaped = likeRegex(payload, true, true);
        Pattern ilikeLiteral = likeRegex(payload, false, true);
        Set<String> ilikeMax = union(likeMax, union(codes(stored, matcher(ilikeEscaped)), codes(stored, matcher(ilikeLiteral))));
        boolean ascii = payload.chars().allMatch(ch -> ch >= 32 && ch < 127) && payload.indexOf('\\') < 0;
        Set<String> ilikeMin = ascii && ilikeEscaped != null
                ? codes(stored, n -> n.chars().allMatch(ch -> ch >= 32 && ch < 127) && ilikeEscaped.matcher(n).matches()) : Set.of();
        matches(tally, payload, "ilike", "{\"where\":{\"name\":{\"ilike\":" + p + "}}}", ilikeMin, ilikeMax);

        Set<String> regexMax;
        try {
            Pattern regex = Pattern.compile(payload);
            regexMax = union(codes(stored, n -> regex.matcher(n).find()), codes(stored, n -> n.contains(payload)));
        } catch (PatternSyntaxException | StackOverflowError e) {
            regexMax = null;
        }
        matches(tally, payload, "regexp", "{\"where\":{\"name\":{\"regexp\":" + p + "}}}", Set.of(), regexMax);

        // typed properties: the value converts or the filter is refused; either way no statement text changes
        for (String typed : List.of("{\"where\":{\"age\":" + p + "}}", "{\"where\":{\"status\":" + p + "}}",
                "{\"where\":{\"birthDate\":{\"gt\":" + p + "}}}", "{\"where\":{\"lastSeen\":{\"between\":[" + p + "," + p + "]}}}",
                "{\"where\":{\"active\":" + p + "}}", "{\"where\":{\"score\":{\"lte\":" + p + "}}}")) {
            runsOrRefused(tally, payload, "typed value", () -> persons().find(Filter.parse(typed)));
        }
        // JSON paths, related fields on the same and on the other datasource: no row holds a payload there
        for (String doc : List.of("{\"where\":{\"meta.a.b\":" + p + "}}", "{\"where\":{\"parent.label\":" + p + "}}",
                "{\"where\":{\"aux.name\":" + p + "}}", "{\"where\":{\"linked.label\":{\"like\":" + p + "}}}")) {
            String placement = doc.contains("meta") ? "JSON path value" : "related value";
            tally.tried(placement);
            List<HzNode>[] found = new List[1];
            Throwable e = attempt(() -> found[0] = hostile().nodes().find(Filter.parse(doc)));
            if (e == null) {
                Set<String> ids = found[0].stream().map(HzNode::getId).collect(Collectors.toSet());
                boolean ok = doc.contains("like") ? ids.isEmpty() || likeMatchesAnyLabel(payload) : ids.isEmpty();
                if (!ok) {
                    tally.problem(payload, placement, "matched " + ids);
                }
            } else if (!(e instanceof FilterException) && !tally.known(e, payload, placement)) {
                tally.problem(payload, placement, describe(e));
            }
        }
        // update data: bound as a value, inside a transaction that is rolled back
        tally.tried("update data");
        Throwable e = attempt(() -> hostile().mainDataSource().transaction(tx -> {
            tx.setRollbackOnly();
            hostile().nodes().updateAll(Map.of("label", payload), Where.eq("id", "n1"), WriteOptions.DEFAULT.withShouldReturn(false));
            List<HzNode> back = hostile().nodes().find(Filter.where("id", "n1"));
            if (payload.length() <= 200 && !back.get(0).getLabel().equals(payload) && !back.get(0).getLabel().equals(encoded(payload))) {
                throw new AssertionError("stored label " + FilterFuzzer.quoteJson(back.get(0).getLabel()));
            }
            return null;
        }));
        if (e != null && !(e instanceof FilterException) && !tally.known(e, payload, "update data")
                && !(payload.length() > 200 && e instanceof dev.ignis.api.error.IgnisException)
                && !(payload.indexOf('\0') >= 0 && database().kind() == DatabaseTarget.Kind.POSTGRES)) {
            tally.problem(payload, "update data", describe(e));
        }
    }

    private boolean likeMatchesAnyLabel(String payload) {
        Pattern a = likeRegex(payload, true, false);
        Pattern b = likeRegex(payload, false, false);
        return hostile().nodes().find(Filter.empty().limit(50)).stream().map(HzNode::getLabel)
                .anyMatch(l -> a != null && a.matcher(l).matches() || b != null && b.matcher(l).matches());
    }

    private static Predicate<String> matcher(Pattern pattern) {
        return n -> pattern != null && pattern.matcher(n).matches();
    }

    private static Set<String> codes(Map<String, String> stored, Predicate<String> name) {
        return stored.entrySet().stream().filter(e -> e.getValue() != null && name.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new java.util.TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    /** A LIKE pattern as a Java regex: % any run, _ one character, backslash escapes (when {@code escapes}); null if malformed. */
    static Pattern likeRegex(String like, boolean escapes, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        int[] cps = like.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (escapes && cp == '\\') {
                if (i + 1 == cps.length) {
                    return null;
                }
                re.append(Pattern.quote(new String(Character.toChars(cps[++i]))));
            } else if (cp == '%') {
                re.append("(?s:.*)");
            } else if (cp == '_') {
                re.append("(?s:.)");
            } else {
                re.append(Pattern.quote(new String(Character.toChars(cp))));
            }
        }
        return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /**
     * Runs a filter on people: the rows found (at most 50) must be among {@code max} (when known), the count must lie
     * between the sizes of {@code min} and {@code max}, and when everything fits in a page every row of {@code min} is found.
     */
    private void matches(Tally tally, String payload, String placement, String doc, Set<String> min, Set<String> max) {
        matchesTyped(tally, payload, placement, () -> Filter.parse(doc), min, max);
    }

    private void matchesTyped(Tally tally, String payload, String placement, Supplier<Filter> filter, Set<String> min, Set<String> max) {
        tally.tried(placement);
        Object[] result = new Object[2];
        Throwable e = attempt(() -> {
            Filter f = filter.get().limit(ConformanceFixture.ENGINE_MAX_LIMIT);
            result[0] = persons().find(f);
            result[1] = persons().count(f.where());
        });
        if (e != null) {
            if (!(e instanceof FilterException) && !tally.known(e, payload, placement)) {
                tally.problem(payload, placement, describe(e));
            }
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> found = ((List<Person>) result[0]).stream().map(Person::getCode).collect(Collectors.toCollection(java.util.TreeSet::new));
        long count = (Long) result[1];
        boolean wrong = max != null && (!max.containsAll(found) || count > max.size()) || count < min.size()
                || count <= ConformanceFixture.ENGINE_MAX_LIMIT && !found.containsAll(min);
        if (wrong && !encoded(payload).equals(payload) && tally.known(new IllegalStateException("lone surrogate rewritten: "
                + placement + " matched " + count + " rows"), payload, placement)) {
            return;
        }
        if (max != null && !max.containsAll(found)) {
            tally.problem(payload, placement, "found rows that do not hold it: " + minus(found, max) + " (allowed " + max.size() + ")");
        }
        if (max != null && count > max.size() || count < min.size()) {
            tally.problem(payload, placement, "count " + count + " outside [" + min.size() + ", " + (max == null ? "?" : max.size()) + "]");
        }
        if (count <= ConformanceFixture.ENGINE_MAX_LIMIT && !found.containsAll(min)) {
            tally.problem(payload, placement, "missed rows that hold it: " + minus(min, found));
        }
    }

    private void runsOrRefused(Tally tally, String payload, String placement, Runnable call) {
        tally.tried(placement);
        Throwable e = attempt(call);
        if (e != null && !(e instanceof FilterException) && !tally.known(e, payload, placement)) {
            tally.problem(payload, placement, describe(e));
        }
    }

    // ---- identifiers

    @Test
    default void payloadsInIdentifierPositionsAreRefusedBeforeAnySql() {
        HostileFixture hostile = hostile();
        hostile.seed();
        seedPeople();
        List<String> payloads = payloads();
        for (String payload : payloads) {
            assertThat(KNOWN_NAMES).as("payloads must not be names the models know").doesNotContain(payload);
        }
        Tally tally = new Tally();
        tally.payloads = payloads.size();
        List<String> tables = tables();
        Map<String, List<List<String>>> before = hostile.snapshot(tables);

        for (String payload : payloads) {
            String p = FilterFuzzer.quoteJson(payload);
            // Order.parse trims, and String.trim() also drops control characters: such a payload is no name at all
            boolean blank = payload.isBlank() || payload.trim().isEmpty();
            Map<String, String> placements = new LinkedHashMap<>();
            placements.put("where field", "{\"where\":{" + p + ":\"x\"}}");
            placements.put("where field with operator", "{\"where\":{" + p + ":{\"gt\":1}}}");
            placements.put("nested where field", "{\"where\":{\"or\":[{\"label\":\"root\"},{" + p + ":null}]}}");
            placements.put("related field", "{\"where\":{" + FilterFuzzer.quoteJson("parent." + payload) + ":\"x\"}}");
            placements.put("relation in field", "{\"where\":{" + FilterFuzzer.quoteJson(payload + ".label") + ":\"x\"}}");
            placements.put("order", "{\"order\":" + p + "}");
            placements.put("order with direction", "{\"order\":[" + FilterFuzzer.quoteJson(payload + " DESC") + "]}");
            placements.put("order direction", "{\"order\":[" + FilterFuzzer.quoteJson("label " + payload) + "]}");
            placements.put("include", "{\"include\":" + p + "}");
            placements.put("include relation", "{\"include\":[{\"relation\":" + p + "}]}");
            placements.put("nested include", "{\"include\":[{\"relation\":\"parent\",\"scope\":{\"include\":[" + p + "]}}]}");
            placements.put("cross-datasource include", "{\"include\":[{\"relation\":\"aux\",\"scope\":{\"include\":[" + p + "]}}]}");
            placements.put("fields", "{\"fields\":[" + p + "]}");
            placements.put("fields true", "{\"fields\":{" + p + ":true}}");
            placements.put("fields false", "{\"fields\":{" + p + ":false}}");
            placements.put("include fields", "{\"include\":[{\"relation\":\"children\",\"scope\":{\"fields\":[" + p + "]}}]}");
            placements.put("JSON path segment", "{\"where\":{" + FilterFuzzer.quoteJson("meta." + payload) + ":\"x\"}}");
            placements.put("inner JSON path segment", "{\"where\":{" + FilterFuzzer.quoteJson("meta.a." + payload + ".b") + ":1}}");
            placements.put("quoted JSON path key", "{\"where\":{" + FilterFuzzer.quoteJson("meta[\"" + quotedKey(payload) + "\"]") + ":\"x\"}}");
            placements.put("JSON path order", "{\"order\":" + FilterFuzzer.quoteJson("meta." + payload) + "}");
            placements.put("operator", "{\"where\":{\"label\":{" + p + ":\"x\"}}}");
            placements.put("top-level key", "{" + p + ":1}");
            placements.put("include key", "{\"include\":[{\"relation\":\"parent\"," + p + ":1}]}");

            for (Map.Entry<String, String> placement : placements.entrySet()) {
                String name = placement.getKey();
                // Any object key may be addressed in a JSON path (an escaped literal): such a condition runs and,
                // unless the payload starts with a key the seed holds (a.b), matches nothing.
                boolean jsonKey = name.contains("JSON path") && database().supportsJsonPath();
                boolean mayRun = jsonKey
                        || name.equals("order direction") && blank
                        || name.startsWith("order") && blank;
                Runnable call = () -> {
                    List<HzNode> rows = hostile().nodes().find(Filter.parse(placement.getValue()));
                    if (jsonKey && !name.contains("order") && !payload.matches("(a|n|items)([.\\[].*)?") && !rows.isEmpty()) {
                        throw new AssertionError("a JSON key no row holds matched " + rows.size() + " rows");
                    }
                };
                // an error names the key as the filter wrote it: escaped inside a quoted key
                String written = name.equals("quoted JSON path key") ? quotedKey(payload) : payload;
                identifier(tally, written, "nodes " + name, mayRun, call, hostile::statements);
            }
            for (String doc : List.of("{\"where\":{" + p + ":1}}", "{\"order\":" + p + "}", "{\"fields\":[" + p + "]}",
                    "{\"where\":{\"and\":[{" + p + ":{\"like\":\"%\"}}]}}")) {
                identifier(tally, payload, "people " + doc.substring(2, doc.indexOf('"', 2)), blank && doc.contains("order"),
                        () -> persons().find(Filter.parse(doc)), null);
            }
        }
        assertUntouched(hostile, before, tables, tally, "identifiers");
    }

    /** {@code payload} written inside a quoted JSON path key {@code ["..."]}: quotes and backslashes escaped. */
    private static String quotedKey(String payload) {
        return payload.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void identifier(Tally tally, String payload, String placement, boolean mayRun, Runnable call, Supplier<Long> statements) {
        tally.tried(placement.startsWith("nodes") ? "identifier (nodes)" : "identifier (people)");
        long before = statements == null ? 0 : statements.get();
        Throwable e = attempt(call);
        long ran = statements == null ? 0 : statements.get() - before;
        if (e == null) {
            if (!mayRun) {
                tally.problem(payload, placement, "ran (" + ran + " statements) instead of failing with a FilterException");
            }
            return;
        }
        if (!(e instanceof FilterException f)) {
            if (!tally.known(e, payload, placement)) {
                tally.problem(payload, placement, describe(e));
            }
            return;
        }
        if (f.path() == null || f.path().isBlank()) {
            if (!tally.known(e, payload, placement)) {
                tally.problem(payload, placement, "FilterException without a path: " + f.getMessage());
            }
            return;
        }
        boolean unparsable = f.path().equals("$") && f.getMessage().contains("not valid JSON");
        if (!unparsable && !mentions(f.getMessage(), payload)) {
            tally.problem(payload, placement, "the error does not name it: " + f.getMessage());
        }
        if (ran != 0) {
            tally.problem(payload, placement, ran + " statements ran before the FilterException");
        }
    }

    /** Every payload is refused as a relation or field by the typed API too, which bypasses the JSON codec. */
    @Test
    default void payloadsInTheTypedApiAreRefusedToo() {
        HostileFixture hostile = hostile();
        hostile.seed();
        Tally tally = new Tally();
        List<String> payloads = payloads();
        tally.payloads = payloads.size();
        List<String> tables = tables();
        Map<String, List<List<String>>> before = hostile.snapshot(tables);
        Set<String> seen = new HashSet<>();
        for (String payload : payloads) {
            if (payload.isEmpty() || !seen.add(payload)) {
                continue;
            }
            identifier(tally, payload, "nodes typed where", false, () -> hostile().nodes().find(Filter.where(payload, 1)), hostile::statements);
            identifier(tally, payload, "nodes typed include", false, () -> hostile().nodes().find(Filter.empty().include(payload)),
                    hostile::statements);
            identifier(tally, payload, "nodes typed fields", false, () -> hostile().nodes().find(Filter.empty().fields(payload)),
                    hostile::statements);
            identifier(tally, payload, "nodes typed order", false,
                    () -> hostile().nodes().find(Filter.empty().withOrder(List.of(dev.ignis.api.filter.Order.desc(payload)))),
                    hostile::statements);
            identifier(tally, payload, "nodes typed count", false, () -> hostile().nodes().count(Where.gt(payload, 1)), hostile::statements);
            identifier(tally, payload, "nodes typed deleteAll", false, () -> hostile().nodes().deleteAll(Where.eq(payload, "x")),
                    hostile::statements);
        }
        assertUntouched(hostile, before, tables, tally, "typed API");
    }
}
