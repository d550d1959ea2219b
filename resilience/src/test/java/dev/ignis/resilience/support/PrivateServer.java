package dev.ignis.resilience.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A database server of the test's own: its own temporary data directory, a free loopback port and a socket directory
 * of its own, started and stopped by the test. The machine's shared servers (5432, 3306) are never touched.
 * <p>
 * Needs root (the server binaries run as their service user through {@code runuser} or {@code --user}) and the
 * binaries; without them the test is skipped, or fails under {@code CI=true}.
 */
public abstract class PrivateServer implements AutoCloseable {
    protected static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    protected static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    protected final Path dir;
    protected final int port;
    private final Thread shutdownHook;
    private boolean closed;

    protected PrivateServer(String prefix, String owner) {
        try {
            this.dir = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("chown", owner + ":" + owner, dir.toString()));
        this.port = freePort();
        // A last resort for a JVM that ends without running @AfterAll: never leave a server behind.
        this.shutdownHook = new Thread(this::killQuietly, getClass().getSimpleName() + "-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the server and waits (bounded) until it accepts connections. */
    public abstract void start();

    /** A fast shutdown by the server's own means: open connections are closed by the server. */
    public abstract void stop();

    /** SIGKILL of every process of the server: no shutdown at all, as in a crash. */
    public abstract void kill();

    public abstract boolean isRunning();

    /** The JDBC URL of the test database on this server. */
    public abstract String jdbcUrl();

    public abstract String user();

    /** The engine's driver plugin name for this server. */
    public abstract String driver();

    protected abstract void killQuietly();

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    /** A plain JDBC connection, for fault injection and for counting rows beside the engine. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), "");
    }

    /** Runs one statement on a fresh connection. */
    public void execute(String... sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("on " + this + ": " + String.join("; ", sql) + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query, as a long. */
    public long queryLong(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("on " + this + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Polls until a connection succeeds or the deadline passes. */
    protected void awaitReachable(Duration timeout, String url, String user) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException(this + " exited while starting; see " + dir);
            }
            try {
                DriverManager.getConnection(url, user, "").close();
                return;
            } catch (SQLException e) {
                last = e;
            }
            Wait.pause(Duration.ofMillis(50));
        }
        throw new IllegalStateException(this + " did not accept connections within " + timeout.toMillis() + " ms", last);
    }

    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            killQuietly();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
            deleteRecursively(dir);
        }
    }

    // ---- environment checks and process helpers

    /** Skips (or, under CI=true, fails) when not root or when a binary is missing. */
    protected static void requireEnvironment(String what, Path... binaries) {
        List<String> problems = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            problems.add("the tests must run as root (they run the server as its service user), running as "
                    + System.getProperty("user.name"));
        }
        for (Path binary : binaries) {
            if (binary == null || !Files.isExecutable(binary)) {
                problems.add("missing " + (binary == null ? "binary" : binary));
            }
        }
        if (!problems.isEmpty()) {
            String message = "Cannot start a private " + what + " instance: " + String.join("; ", problems);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Runs a command to its end (bounded), failing with its output when it fails. */
    protected static String run(List<String> command) {
        try {
            Path out = Files.createTempFile("ignis-cmd", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after " + COMMAND_TIMEOUT + ": " + command);
                }
                String output = Files.readString(out);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("exit " + p.exitValue() + ": " + command + "\n" + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            int port = socket.getLocalPort();
            if (port == 5432 || port == 3306) {
                return freePort();
            }
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL of a process and every descendant, descendants listed first so none is orphaned unseen. */
    protected static void killTree(long pid) {
        ProcessHandle.of(pid).ifPresent(root -> {
            List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
            root.destroyForcibly();
            all.forEach(ProcessHandle::destroyForcibly);
            all.add(root);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (ProcessHandle h : all) {
                while (h.isAlive() && System.nanoTime() < deadline) {
                    try {
                        h.onExit().get(100, TimeUnit.MILLISECONDS);
                    } catch (Exception stillAlive) {
                        // poll again until the deadline
                    }
                }
            }
        });
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temporary directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[127.0.0.1:" + port + ", " + dir + "]";
    }
}
