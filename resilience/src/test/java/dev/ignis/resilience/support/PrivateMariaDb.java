package dev.ignis.resilience.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB instance of the test's own: {@code mariadb-install-db} on a temporary directory owned by {@code mysql},
 * then {@code mariadbd --user=mysql} as a child process of the test JVM on a free loopback port, with its own socket
 * and pid file ({@code --no-defaults}: nothing of the machine's configuration applies). {@code root@127.0.0.1} has
 * an empty password. The test database is {@value #DATABASE}.
 */
public final class PrivateMariaDb extends PrivateServer {
    public static final String DATABASE = "ignis";
    private static final Path INSTALL_DB = Paths.get("/usr/bin/mariadb-install-db");
    private static final Path MARIADBD = Paths.get("/usr/sbin/mariadbd");
    private static final List<String> SERVER_OPTIONS = List.of("--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M",
            "--innodb-flush-log-at-trx-commit=2", "--skip-log-bin", "--max-connections=300");

    private final Path data;
    private Process process;

    private PrivateMariaDb() {
        super("ignis-mariadb-", "mysql");
        this.data = dir.resolve("data");
        List<String> install = new java.util.ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults", "--user=mysql",
                "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
        install.addAll(SERVER_OPTIONS);
        run(install);
    }

    public static PrivateMariaDb create() {
        requireEnvironment("MariaDB", INSTALL_DB, MARIADBD);
        return new PrivateMariaDb();
    }

    public static PrivateMariaDb started() {
        PrivateMariaDb db = create();
        try {
            db.start();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(this + " is already running");
        }
        List<String> command = new java.util.ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults", "--user=mysql",
                "--datadir=" + data, "--port=" + port, "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"), "--bind-address=127.0.0.1", "--skip-name-resolve",
                "--log-error=" + dir.resolve("error.log")));
        command.addAll(SERVER_OPTIONS);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
        String serverUrl = "jdbc:mysql://127.0.0.1:" + port + "/";
        awaitReachable(START_TIMEOUT, serverUrl, user());
        try (var c = java.sql.DriverManager.getConnection(serverUrl, user(), ""); var s = c.createStatement()) {
            s.execute("create database if not exists " + DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + " on " + this, e);
        }
    }

    /** SIGTERM: the server closes its connections, rolls back what is open and shuts down. */
    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGKILL: a crash; InnoDB recovers at the next start. */
    @Override
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    protected void killQuietly() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public String user() {
        return "root";
    }

    @Override
    public String driver() {
        return "mariadb";
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
