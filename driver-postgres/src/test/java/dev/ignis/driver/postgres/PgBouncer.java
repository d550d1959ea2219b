package dev.ignis.driver.postgres;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PgBouncer ({@code /usr/sbin/pgbouncer}, Debian's package) of the tests' own, in {@code pool_mode = transaction},
 * on a free loopback port, in front of the machine's PostgreSQL (127.0.0.1:5432, database {@value #DATABASE}, made
 * here if missing). One per test JVM, started on first use and stopped when the JVM ends.
 *
 * <p>Two pooled databases lead to the same server database: {@value #DATABASE} (20 server connections, for the
 * conformance suite) and {@value #SMALL} (2 server connections, to show more clients than server connections). Its
 * users ({@code postgres} and the OS user, in its own {@code userlist.txt}) are trusted; server connections log in as
 * {@code postgres}. PgBouncer 1.18 refuses startup parameters it does not track, such as the {@code search_path} pgjdbc
 * sends for {@code currentSchema}: it is ignored here, and the database's own {@code search_path} is the conformance
 * schema instead.
 *
 * <p>PgBouncer refuses to run as root: as root it runs as {@code postgres} through {@code runuser}. Without the binary
 * (or without {@code runuser} as root) the tests are skipped, or fail when {@code CI=true}.
 */
final class PgBouncer {
    static final String DATABASE = "ignis_pgbouncer";
    static final String SMALL = "ignis_pgbouncer_small";
    static final int SMALL_POOL = 2;
    static final String USER = "postgres";

    private static final Path BINARY = Paths.get("/usr/sbin/pgbouncer");
    private static final Path RUNUSER = Paths.get("/usr/sbin/runuser");
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String SCHEMA = dev.ignis.conformance.DatabaseTarget.SCHEMA;
    private static final long START_SECONDS = 15;

    private static PgBouncer shared;

    private final Path dir;
    private final int port;
    private final Process process;
    private final StringBuffer output = new StringBuffer();

    private PgBouncer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** The JVM's PgBouncer, started on first call; skips (or fails under {@code CI=true}) when it cannot run here. */
    static synchronized PgBouncer shared() {
        if (shared == null) {
            requireEnvironment();
            prepareDatabase();
            shared = start();
        }
        return shared;
    }

    /** The conformance suite's target: PostgreSQL through {@link #DATABASE}, its datasources in transaction pooling mode. */
    dev.ignis.conformance.DatabaseTarget conformanceTarget() {
        return dev.ignis.conformance.DatabaseTarget.postgresAt(url(DATABASE), USER, "").withTransactionPooling();
    }

    /** The JDBC URL of a pooled database ({@link #DATABASE} or {@link #SMALL}). */
    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * A command on PgBouncer's admin console ({@code SHOW POOLS}, {@code SHOW CLIENTS}): its rows keyed by database name,
     * each a column-to-value map. Through {@code psql}: pgjdbc sends {@code SET extra_float_digits} to a server that
     * reports a version below 9.0, which the console refuses.
     */
    Map<String, Map<String, String>> admin(String command) {
        String out = run(List.of(psql(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, "-d", "pgbouncer",
                "-X", "-A", "-F", "|", "-P", "footer=off", "-c", command));
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = List.of(lines.get(0).split("\\|", -1));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split("\\|", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values[i]);
            }
            rows.put(row.get("database"), row);
        }
        return rows;
    }

    private static String psql() {
        for (String candidate : List.of("/usr/bin/psql", "/usr/lib/postgresql/15/bin/psql")) {
            if (Files.isExecutable(Paths.get(candidate))) {
                return candidate;
            }
        }
        return "psql";
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain pgjdbc connection through PgBouncer, keeping no server-side prepared statement, for fixtures. */
    Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("prepareThreshold", "0");
        return DriverManager.getConnection(url(database), props);
    }

    private static void requireEnvironment() {
        String missing = null;
        if (!Files.isExecutable(BINARY)) {
            missing = BINARY + " is missing (Debian: apt-get install pgbouncer)";
        } else if (runsAsRoot() && !Files.isExecutable(RUNUSER)) {
            missing = "PgBouncer refuses to run as root, and " + RUNUSER + " is missing to run it as postgres";
        }
        if (missing != null) {
            cannotRun(missing, null);
        }
    }

    private static void cannotRun(String why, Throwable cause) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("PgBouncer tests cannot run: " + why + "; CI=true makes that a failure", cause);
        }
        Assumptions.abort("PgBouncer tests skipped: " + why);
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The server database behind both pools, with the conformance schema as its search_path (PgBouncer drops the client's). */
    private static void prepareDatabase() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", props); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from pg_database where datname = '" + DATABASE + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    createDatabase(s);
                }
            }
            s.execute("alter database " + DATABASE + " set search_path = " + SCHEMA + ", public");
        } catch (SQLException e) {
            cannotRun("the PostgreSQL server behind it does not answer at " + SERVER + " (" + e.getMessage() + ")", e);
        }
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, props); Statement s = c.createStatement()) {
            s.execute("create schema if not exists " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + SCHEMA + " in database " + DATABASE, e);
        }
    }

    private static void createDatabase(Statement s) throws SQLException {
        try {
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // 42P04: created meanwhile by another run
                throw e;
            }
        }
    }

    private static PgBouncer start() {
        try {
            Path dir = Files.createTempDirectory("ignis-pgbouncer-");
            int port = freePort();
            Path userlist = dir.resolve("userlist.txt");
            Files.writeString(userlist, "\"" + USER + "\" \"\"\n\"" + System.getProperty("user.name") + "\" \"\"\n");
            String backend = "host=127.0.0.1 port=5432 dbname=" + DATABASE + " user=" + USER;
            Path ini = dir.resolve("pgbouncer.ini");
            Files.writeString(ini, String.join("\n",
                    "[databases]",
                    DATABASE + " = " + backend + " pool_size=20",
                    SMALL + " = " + backend + " pool_size=" + SMALL_POOL,
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = trust",
                    "auth_file = " + userlist,
                    "admin_users = " + USER,
                    "pool_mode = transaction",
                    "max_client_conn = 400",
                    "ignore_startup_parameters = search_path",
                    ""));
            // The files must be readable by postgres when PgBouncer runs as that user; nothing in them is secret.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(userlist, PosixFilePermissions.fromString("rw-r--r--"));

            List<String> command = new ArrayList<>();
            if (runsAsRoot()) {
                command.addAll(List.of(RUNUSER.toString(), "-u", USER, "--"));
            }
            command.addAll(List.of(BINARY.toString(), ini.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            PgBouncer bouncer = new PgBouncer(dir, port, process);
            Runtime.getRuntime().addShutdownHook(new Thread(bouncer::stop, "pgbouncer-stop"));
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY, e);
        }
    }

    /** Reads PgBouncer's log until it says it listens on the port (bounded), keeping the log for failure messages. */
    private void awaitListening() {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.contains("listening on 127.0.0.1:" + port)) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("PgBouncer ended"));
        }, "pgbouncer-log");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PgBouncer started", e);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException("PgBouncer did not listen on port " + port + " within " + START_SECONDS + " s; its output:\n" + output, e);
        }
    }

    /** Ends PgBouncer (and, when it ran through runuser, the child runuser started), then removes its files. */
    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        for (String file : List.of("pgbouncer.ini", "userlist.txt", "")) {
            try {
                Files.deleteIfExists(dir.resolve(file));
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "PgBouncer[127.0.0.1:" + port + "]";
    }
}
