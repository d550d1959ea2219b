package dev.ignis.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Engine bugs the hostile-input contracts have found and that are not fixed yet. While a bug is listed here, the
 * fuzzer counts the documents that hit it (and prints one example of each) instead of failing; every bug also has
 * a minimal test that is {@code @Disabled("engine bug: ...")} until the engine is fixed. Remove the entry when the
 * fix lands: from then on the fuzzer fails on it again. {@code -Dignis.fuzz.strict=true} ignores this list.
 */
public final class KnownEngineBugs {

    /** One known bug: an id, what goes wrong, and how to recognise the exception it throws. */
    public record Bug(String id, String description, Predicate<Throwable> matches) {
    }

    private static final List<Bug> BUGS = new ArrayList<>();

    static {
        // None open: every bug these contracts found is fixed. Add an entry (with its minimal test) for the next one.
    }

    private static void add(String id, String description, Predicate<Throwable> matches) {
        BUGS.add(new Bug(id, description, matches));
    }

    private static boolean has(Throwable e, String text) {
        return chain(e).contains(text);
    }

    private static boolean frames(Throwable e, String... parts) {
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 64); i++) {
            String frame = trace[i].toString();
            for (String part : parts) {
                if (frame.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    private KnownEngineBugs() {
    }

    /** The known bug an exception is an instance of, unless {@code ignis.fuzz.strict} is set. */
    public static Optional<Bug> match(Throwable e) {
        if (Boolean.getBoolean("ignis.fuzz.strict")) {
            return Optional.empty();
        }
        return BUGS.stream().filter(b -> b.matches().test(e)).findFirst();
    }

    public static List<Bug> all() {
        return List.copyOf(BUGS);
    }

    /** Every message and class name of the exception and its causes, for matching. */
    static String chain(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            s.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return s.toString();
    }
}
