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
    /** Server options beyond {@link #SERVER_OPTIONS}: the binary log of a primary, the server id of a replica. */
    private final List<String> roleOptions;
    /** Writes a binary log (a replication primary). */
    private final boolean binaryLog;
    private Process process;

    private PrivateMariaDb() {
        this(false, List.of());
    }

    private PrivateMariaDb(boolean binaryLog, List<String> roleOptions) {
        super("ignis-mariadb-", "mysql");
        this.binaryLog = binaryLog;
        this.roleOptions = List.copyOf(roleOptions);
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
        return started(create());
    }

    /**
     * A started replication primary: a binary log in row format with GTIDs (server id 1, strict GTID mode), which
     * replicas made by {@link #replica()} follow.
     */
    public static PrivateMariaDb startedPrimary() {
        requireEnvironment("MariaDB", INSTALL_DB, MARIADBD);
        return started(new PrivateMariaDb(true, List.of("--server-id=1", "--binlog-format=ROW", "--gtid-strict-mode=1")));
    }

    /**
     * A started replica of this running primary: server id {@code 2 + n}, {@code CHANGE MASTER TO ...
     * MASTER_USE_GTID=slave_pos}, replication started; it has applied everything the primary wrote before it returns.
     */
    public PrivateMariaDb replica() {
        PrivateMariaDb replica = started(new PrivateMariaDb(false, List.of("--server-id=" + (2 + REPLICAS.getAndIncrement()),
                "--relay-log=relay", "--gtid-strict-mode=1")));
        try {
            replica.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + port + ", MASTER_USER='root', MASTER_PASSWORD='',"
                    + " MASTER_CONNECT_RETRY=1, MASTER_USE_GTID=slave_pos", "START SLAVE");
            replica.awaitApplied(this, java.time.Duration.ofSeconds(20));
            return replica;
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger REPLICAS = new java.util.concurrent.atomic.AtomicInteger();

    /** Waits (bounded) until this replica has applied everything {@code primary} has written so far. */
    public void awaitApplied(PrivateMariaDb primary, java.time.Duration timeout) {
        String target = primary.queryText("select @@gtid_binlog_pos");
        // MASTER_GTID_WAIT returns 0 once the replica applied the position, -1 after the timeout.
        long result = queryLong("select master_gtid_wait('" + target + "', " + timeout.toSeconds() + ")");
        if (result != 0) {
            throw new IllegalStateException(this + " did not apply " + target + " within " + timeout + ": slave pos "
                    + queryText("select @@gtid_slave_pos") + ", log: " + log());
        }
    }

    /** The first column of the first row as text. */
    public String queryText(String sql) {
        try (var c = connect(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("on " + this + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** A global status counter, e.g. {@code Com_select}. */
    public long status(String name) {
        try (var c = connect(); var s = c.prepareStatement("show global status like ?")) {
            s.setString(1, name);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no status " + name + " on " + this);
                }
                return rs.getLong(2);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("on " + this + ": status " + name + ": " + e.getMessage(), e);
        }
    }

    private static PrivateMariaDb started(PrivateMariaDb db) {
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
        if (binaryLog) {
            command.remove("--skip-log-bin"); // a primary: replicas read its binary log
            command.add("--log-bin=" + dir.resolve("binlog"));
        }
        command.addAll(roleOptions);
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
