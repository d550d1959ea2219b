package dev.ignis.conformance;

import dev.ignis.api.datasource.IDataSource;
import dev.ignis.api.error.FilterException;
import dev.ignis.api.error.TransactionException;
import dev.ignis.api.error.WriteGuardException;
import dev.ignis.api.filter.Filter;
import dev.ignis.api.filter.Where;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.api.repository.RangeResult;
import dev.ignis.api.repository.ViewRepository;
import dev.ignis.api.repository.WriteOptions;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs fuzzed filter documents through repositories and judges each outcome: a document must either run or fail
 * with a {@link FilterException} that has a path; anything else (another exception type, an {@link Error}, a
 * document that runs longer than the per-document timeout, a returned row that shows a hidden property, an update
 * whose where is vacuous but passed the write guard) is a failure, reported with the seed and the document so it
 * can be replayed: {@code -Dignis.fuzz.seed=S} repeats the run, {@code -Dignis.fuzz.index=I} runs document I alone.
 */
public final class FilterFuzzRun {

    /** A repository to fuzz, with the schema the generator uses for it and how often it is picked. */
    public record Target(String name, FilterFuzzer.Schema schema, ViewRepository<?, ?> repository, IDataSource dataSource,
                         Map<String, ?> updateData, int weight, Consumer<Object> rowCheck) {
    }

    /** What a document is run through. */
    public enum Op {
        FIND, COUNT, FIND_WITH_RANGE, UPDATE_ALL_ROLLED_BACK
    }

    /** How a document ended. */
    public enum Outcome {
        RAN, FILTER_ERROR, EXPECTED_ERROR, KNOWN_BUG, FAILURE
    }

    /** A failure (or known bug) and the document that caused it. */
    public record Finding(String signature, long index, String target, Op op, FilterFuzzer.Mode mode, String document,
                          String exception) {
    }

    private final String label;
    private final long seed;
    private final long documents;
    private final Long onlyIndex;
    private final List<Target> targets;
    private final FilterFuzzer fuzzer;
    private final Duration perDocument;

    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final Map<FilterFuzzer.Mode, Long> modes = new EnumMap<>(FilterFuzzer.Mode.class);
    private final Map<FilterFuzzer.Mode, Long> modeMillis = new EnumMap<>(FilterFuzzer.Mode.class);
    private final Map<Outcome, Long> outcomeMillis = new EnumMap<>(Outcome.class);
    private final java.util.PriorityQueue<Object[]> slowest = new java.util.PriorityQueue<>(
            java.util.Comparator.comparingLong(a -> (Long) a[0]));
    private final Map<Op, Long> ops = new EnumMap<>(Op.class);
    private final Map<String, Long> perTarget = new TreeMap<>();
    private final Map<String, List<Finding>> failures = new LinkedHashMap<>();
    private final Map<String, Long> failureCounts = new LinkedHashMap<>();
    private final Map<String, Finding> knownBugs = new LinkedHashMap<>();
    private final Map<String, Long> knownBugCounts = new LinkedHashMap<>();
    /** What a worker is running now, for the watchdog. */
    private static final class Current {
        volatile long index = -1;
        volatile long start;
        volatile String document;
        volatile String target;
        volatile Op op;
        volatile FilterFuzzer.Mode mode;
    }

    private final int workers;
    private final Current[] current;
    /** Updates run one at a time, so that concurrent rolled-back updates cannot deadlock each other. */
    private final java.util.concurrent.locks.ReentrantLock updates = new java.util.concurrent.locks.ReentrantLock();
    private long done;
    private long elapsedMillis;
    private volatile Finding hang;

    public FilterFuzzRun(String label, long seed, long documents, Long onlyIndex, List<Target> targets, Duration perDocument,
                         int workers) {
        this.label = label;
        this.workers = onlyIndex != null ? 1 : Math.max(1, workers);
        this.current = new Current[this.workers];
        for (int w = 0; w < this.workers; w++) {
            current[w] = new Current();
        }
        this.seed = seed;
        this.documents = documents;
        this.onlyIndex = onlyIndex;
        this.targets = List.copyOf(targets);
        this.fuzzer = new FilterFuzzer(targets.stream().map(Target::schema).toList());
        this.perDocument = perDocument;
    }

    /** The random source of document {@code index} of run {@code seed}. */
    static Random randomFor(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /**
     * Runs the documents on the worker threads (document i on worker i mod n), watched: a document running longer
     * than the timeout is a hang, and stops the run.
     */
    public FilterFuzzRun run() {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "ignis-fuzz-" + label);
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            futures.add(pool.submit(() -> loop(worker)));
        }
        try {
            for (Future<?> future : futures) {
                while (hang == null) {
                    try {
                        future.get(200, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException poll) {
                        watch();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fuzz run interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the fuzz loop itself failed", e.getCause());
        } finally {
            if (hang != null) {
                futures.forEach(f -> f.cancel(true));
            }
            pool.shutdownNow();
            elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        }
        return this;
    }

    private void watch() {
        for (Current c : current) {
            long index = c.index;
            if (index >= 0 && System.nanoTime() - c.start > perDocument.toNanos() && c.index == index) {
                hang = new Finding("hang: no answer within " + perDocument.toSeconds() + " s", index, c.target, c.op, c.mode,
                        c.document, "(still running; the worker threads were interrupted)");
                return;
            }
        }
    }

    private void loop(int worker) {
        long first = onlyIndex == null ? worker : onlyIndex;
        long last = onlyIndex == null ? documents : onlyIndex + 1;
        int totalWeight = targets.stream().mapToInt(Target::weight).sum();
        Current c = current[worker];
        for (long i = first; i < last && hang == null && !Thread.currentThread().isInterrupted(); i += workers) {
            Random r = randomFor(seed, i);
            Target target = pickTarget(r, totalWeight);
            Op op = pickOp(r, target);
            FilterFuzzer.Mode[] mode = new FilterFuzzer.Mode[1];
            String doc = fuzzer.document(r, target.schema(), mode);
            c.document = doc;
            c.target = target.name();
            c.op = op;
            c.mode = mode[0];
            c.start = System.nanoTime();
            c.index = i;
            Filter[] parsed = new Filter[1];
            Throwable error = null;
            boolean locked = false;
            try {
                if (op == Op.UPDATE_ALL_ROLLED_BACK) {
                    updates.lockInterruptibly();
                    locked = true;
                }
                execute(target, op, doc, parsed);
            } catch (Throwable e) {
                error = e;
            } finally {
                if (locked) {
                    updates.unlock();
                }
            }
            long tookNanos = System.nanoTime() - c.start;
            c.index = -1;
            if (error instanceof InterruptedException) {
                return;
            }
            record(target, op, parsed[0], error, i, doc, mode[0], tookNanos);
        }
    }

    private synchronized void record(Target target, Op op, Filter parsed, Throwable error, long i, String doc,
                                     FilterFuzzer.Mode mode, long tookNanos) {
        Outcome outcome = judge(target, op, parsed, error, i, doc, mode);
        modeMillis.merge(mode, tookNanos, Long::sum);
        outcomeMillis.merge(outcome, tookNanos, Long::sum);
        slowest.add(new Object[]{tookNanos, i, target.name() + " " + op + " " + mode + " " + outcome + ": " + shorten(doc, 300)});
        if (slowest.size() > 5) {
            slowest.poll();
        }
        if (onlyIndex != null) {
            System.out.println("[ignis fuzz] " + label + " replay of document " + i + " on " + target.name() + " (" + op + ", "
                    + mode + "): " + outcome + "\n  document: " + shorten(doc, 20_000) + (error == null ? "" : "\n  " + stackTrace(error)));
        }
        outcomes.merge(outcome, 1L, Long::sum);
        modes.merge(mode, 1L, Long::sum);
        ops.merge(op, 1L, Long::sum);
        perTarget.merge(target.name(), 1L, Long::sum);
        done++;
    }

    private Target pickTarget(Random r, int totalWeight) {
        int w = r.nextInt(totalWeight);
        for (Target t : targets) {
            w -= t.weight();
            if (w < 0) {
                return t;
            }
        }
        return targets.get(targets.size() - 1);
    }

    private static Op pickOp(Random r, Target target) {
        int p = r.nextInt(100);
        if (p < 70) {
            return Op.FIND;
        }
        if (p < 80) {
            return Op.COUNT;
        }
        if (p < 92 || target.updateData() == null || !(target.repository() instanceof CrudRepository<?, ?>)) {
            return Op.FIND_WITH_RANGE;
        }
        return Op.UPDATE_ALL_ROLLED_BACK;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void execute(Target target, Op op, String doc, Filter[] parsed) {
        Filter filter = Filter.parse(doc);
        parsed[0] = filter;
        ViewRepository repository = target.repository();
        switch (op) {
            case FIND -> check(target, repository.find(filter));
            case COUNT -> {
                long n = repository.count(filter.where());
                if (n < 0) {
                    throw new AssertionError("negative count " + n);
                }
            }
            case FIND_WITH_RANGE -> {
                RangeResult<?> range = repository.findWithRange(filter);
                check(target, range.data());
                if (range.range().total() < range.range().end() - range.range().start()) {
                    throw new AssertionError("range total " + range.range() + " is smaller than its page of " + range.data().size());
                }
            }
            case UPDATE_ALL_ROLLED_BACK -> {
                CrudRepository crud = (CrudRepository) repository;
                target.dataSource().transaction(tx -> {
                    tx.setRollbackOnly();
                    crud.updateAll(target.updateData(), filter.where(), WriteOptions.DEFAULT.withShouldReturn(false));
                    if (vacuous(filter.where())) {
                        throw new WriteGuardBypassed(filter.where());
                    }
                    return null;
                });
            }
        }
    }

    private static void check(Target target, List<?> rows) {
        if (rows.size() > ConformanceFixture.ENGINE_MAX_LIMIT) {
            throw new AssertionError(rows.size() + " rows returned, more than the engine's maxLimit " + ConformanceFixture.ENGINE_MAX_LIMIT);
        }
        if (target.rowCheck() != null) {
            rows.forEach(target.rowCheck());
        }
    }

    /** A where that holds for every row, however it is nested: {@code {}}, {@code {"and":[{}]}}, {@code {"or":[{},..]}}. */
    static boolean vacuous(Where where) {
        if (where instanceof Where.And and) {
            return and.items().stream().allMatch(FilterFuzzRun::vacuous);
        }
        if (where instanceof Where.Or or) {
            return or.items().stream().anyMatch(FilterFuzzRun::vacuous);
        }
        return false;
    }

    /** An updateAll whose where holds for every row ran without {@code force}. */
    static final class WriteGuardBypassed extends RuntimeException {
        WriteGuardBypassed(Where where) {
            super("updateAll without force ran with a where that holds for every row: " + where
                    + "; the write guard must refuse it like an empty where");
        }
    }

    private Outcome judge(Target target, Op op, Filter parsed, Throwable e, long index, String doc, FilterFuzzer.Mode mode) {
        if (e == null) {
            return Outcome.RAN;
        }
        if (e instanceof FilterException f) {
            if (f.path() == null || f.path().isBlank()) {
                return known(e, index, target, op, mode, doc).orElseGet(
                        () -> fail("FilterException without a path", e, index, target, op, mode, doc));
            }
            if (f.getMessage() == null || !f.getMessage().startsWith("Invalid filter at '")) {
                return fail("FilterException without the usual message", e, index, target, op, mode, doc);
            }
            return Outcome.FILTER_ERROR;
        }
        if (op == Op.UPDATE_ALL_ROLLED_BACK && e instanceof WriteGuardException && parsed != null && vacuous(parsed.where())) {
            return Outcome.EXPECTED_ERROR;
        }
        if (op == Op.UPDATE_ALL_ROLLED_BACK && e instanceof TransactionException && String.valueOf(e.getMessage()).contains("inside a transaction")) {
            return Outcome.EXPECTED_ERROR;
        }
        if (e instanceof AssertionError) {
            return fail(signature(e), e, index, target, op, mode, doc);
        }
        return known(e, index, target, op, mode, doc).orElseGet(() -> fail(signature(e), e, index, target, op, mode, doc));
    }

    private Optional<Outcome> known(Throwable e, long index, Target target, Op op, FilterFuzzer.Mode mode, String doc) {
        Optional<KnownEngineBugs.Bug> known = KnownEngineBugs.match(e);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        String id = known.get().id();
        knownBugCounts.merge(id, 1L, Long::sum);
        knownBugs.putIfAbsent(id, new Finding(id, index, target.name(), op, mode, doc, stackTrace(e)));
        return Optional.of(Outcome.KNOWN_BUG);
    }

    private Outcome fail(String signature, Throwable e, long index, Target target, Op op, FilterFuzzer.Mode mode, String doc) {
        failureCounts.merge(signature, 1L, Long::sum);
        List<Finding> examples = failures.computeIfAbsent(signature, k -> new ArrayList<>());
        if (examples.size() < 3) {
            examples.add(new Finding(signature, index, target.name(), op, mode, doc, stackTrace(e)));
        }
        return Outcome.FAILURE;
    }

    /** Exception class and message with numbers and quoted parts blurred, so one bug is one signature. */
    static String signature(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline);
        }
        message = message.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\d+", "#");
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        return e.getClass().getSimpleName() + ": " + message + (root == e ? "" : " <- " + root.getClass().getSimpleName());
    }

    static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() > 6000 ? text.substring(0, 6000) + "\n\t…" : text;
    }

    static String shorten(String doc, int max) {
        if (doc == null) {
            return "null";
        }
        return doc.length() <= max ? doc : doc.substring(0, max / 2) + " …(" + doc.length() + " chars)… " + doc.substring(doc.length() - max / 4);
    }

    // ---- results

    public synchronized long documentsRun() {
        return done;
    }

    public long seed() {
        return seed;
    }

    public Map<Outcome, Long> outcomes() {
        return outcomes;
    }

    public Map<String, Long> knownBugCounts() {
        return knownBugCounts;
    }

    public boolean passed() {
        return hang == null && failures.isEmpty();
    }

    /** The one-paragraph summary printed after every run. */
    public synchronized String summary() {
        StringBuilder s = new StringBuilder("[ignis fuzz] ").append(label).append(": ").append(done).append(" documents in ")
                .append(elapsedMillis).append(" ms on ").append(workers).append(" thread(s), seed=").append(seed).append(" (replay: -Dignis.fuzz.seed=").append(seed)
                .append(")\n  outcomes ").append(outcomes).append(", ms ").append(millis(outcomeMillis)).append("\n  operations ").append(ops)
                .append("\n  shapes ").append(modes).append(", ms ").append(millis(modeMillis))
                .append("\n  targets ").append(perTarget);
        List<Object[]> slow = new ArrayList<>(slowest);
        slow.sort(java.util.Comparator.comparingLong(a -> -(Long) a[0]));
        for (Object[] a : slow) {
            s.append("\n  slow: ").append((Long) a[0] / 1_000_000).append(" ms, document ").append(a[1]).append(", ").append(a[2]);
        }
        if (!knownBugCounts.isEmpty()) {
            s.append("\n  known engine bugs hit (tolerated, see KnownEngineBugs): ").append(knownBugCounts);
            knownBugs.values().forEach(f -> s.append("\n    e.g. ").append(f.signature()).append(" at document ").append(f.index())
                    .append(" on ").append(f.target()).append(": ").append(shorten(f.document(), 300)));
        }
        return s.toString();
    }

    private static <K> Map<K, Long> millis(Map<K, Long> nanos) {
        Map<K, Long> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v / 1_000_000));
        return out;
    }

    /** Every failure with its documents and stack traces, for the assertion message. */
    public synchronized String failureReport() {
        StringBuilder s = new StringBuilder();
        if (hang != null) {
            s.append("HANG on ").append(label).append(" — seed ").append(seed).append(", document ").append(hang.index())
                    .append(" (replay: -Dignis.fuzz.seed=").append(seed).append(" -Dignis.fuzz.index=").append(hang.index())
                    .append(")\n  target ").append(hang.target()).append(", ").append(hang.op()).append(", ").append(hang.mode())
                    .append("\n  document: ").append(shorten(hang.document(), 4000)).append('\n');
        }
        failures.forEach((signature, examples) -> {
            s.append("FAILURE x").append(failureCounts.get(signature)).append(" on ").append(label).append(": ").append(signature).append('\n');
            for (Finding f : examples) {
                s.append("  seed ").append(seed).append(", document ").append(f.index()).append(" (replay: -Dignis.fuzz.seed=").append(seed)
                        .append(" -Dignis.fuzz.index=").append(f.index()).append("), target ").append(f.target()).append(", ")
                        .append(f.op()).append(", ").append(f.mode()).append("\n  document: ").append(shorten(f.document(), 2000))
                        .append("\n  ").append(f.exception().replace("\n", "\n  ")).append('\n');
            }
        });
        return s.toString();
    }
}
