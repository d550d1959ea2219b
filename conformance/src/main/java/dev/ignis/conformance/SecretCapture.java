package dev.ignis.conformance;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything printed (System.out, System.err: slf4j-simple writes there) or logged through java.util.logging (at every
 * level) while it is open, plus what a test adds (exception chains, toString of configurations), and a search of it
 * for a secret. Used by {@link SecretsContract}.
 */
public final class SecretCapture implements AutoCloseable {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (text) {
                text.append("[jul ").append(record.getLevel()).append(' ').append(record.getLoggerName()).append("] ").append(record.getMessage());
                if (record.getParameters() != null) {
                    for (Object p : record.getParameters()) {
                        text.append(" | ").append(p);
                    }
                }
                text.append('\n');
                if (record.getThrown() != null) {
                    text.append(stackTrace(record.getThrown()));
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public SecretCapture() {
        System.setOut(new PrintStream(new Tee(out, printed), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, printed), true, StandardCharsets.UTF_8));
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
    }

    public void add(String what, Object value) {
        synchronized (text) {
            text.append("[").append(what).append("] ").append(value).append('\n');
        }
    }

    /** The exception, its causes and suppressed ones: messages, toString and the printed stack trace. */
    public void addThrowable(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            add("message", t.getMessage());
            add("localized", t.getLocalizedMessage());
            add("toString", t);
            todo.add(t.getCause());
            todo.addAll(List.of(t.getSuppressed()));
        }
        add("stack", stackTrace(e));
    }

    public String everything() {
        System.out.flush();
        System.err.flush();
        synchronized (text) {
            return text + "\n" + printed.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        root.removeHandler(handler);
        root.setLevel(rootLevel);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            synchronized (b) {
                b.write(bytes, off, len);
            }
        }
    }

    public static String stackTrace(Throwable e) {
        StringWriter s = new StringWriter();
        e.printStackTrace(new PrintWriter(s));
        return s.toString();
    }

    /** A password no other text contains: "Ignis-Pw-" and 32 hex digits. */
    public static String uniquePassword() {
        return "Ignis-Pw-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Fails with the places the secret shows up (its random part is enough to count as a leak). */
    public static void assertNoSecret(String where, String captured, String secret) {
        List<String> hits = hits(captured, secret);
        assertThat(hits).as("%s: the password shows in what was captured (%d chars)", where, captured.length()).isEmpty();
    }

    /** Up to five places (with some context) where the secret, or its random part, shows. */
    public static List<String> hits(String captured, String secret) {
        String randomPart = secret.substring(secret.lastIndexOf('-') + 1);
        List<String> hits = new ArrayList<>();
        for (String needle : List.of(secret, randomPart)) {
            for (int i = captured.indexOf(needle); i >= 0 && hits.size() < 5; i = captured.indexOf(needle, i + 1)) {
                int from = Math.max(0, i - 150);
                hits.add("…" + captured.substring(from, Math.min(captured.length(), i + needle.length() + 50)).replace('\n', ' ') + "…");
            }
        }
        return hits;
    }
}
