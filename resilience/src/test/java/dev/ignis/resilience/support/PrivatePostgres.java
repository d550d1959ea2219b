package dev.ignis.resilience.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL instance of the test's own: {@code initdb} on a temporary directory owned by {@code postgres}, then
 * {@code pg_ctl} on a free loopback port with its own socket directory, trust authentication. {@code initdb} and
 * {@code pg_ctl} refuse to run as root, so they run as {@code postgres} through {@code runuser}.
 */
public final class PrivatePostgres extends PrivateServer {
    private static final Path RUNUSER = Paths.get("/usr/sbin/runuser");
    private final Path bin;
    private final Path data;
    private final Path socketDir;
    /** Server settings beyond the defaults, as {@code -c name=value} options (e.g. a standby's apply delay). */
    private final List<String> settings;

    private PrivatePostgres(Path bin) {
        this(bin, null, List.of());
    }

    /** A fresh cluster ({@code initdb}), or a streaming standby of {@code primary} ({@code pg_basebackup -R}). */
    private PrivatePostgres(Path bin, PrivatePostgres primary, List<String> settings) {
        super(primary == null ? "ignis-pg-" : "ignis-pg-standby-", "postgres");
        this.bin = bin;
        this.data = dir.resolve("data");
        this.socketDir = dir.resolve("socket");
        this.settings = List.copyOf(settings);
        if (primary == null) {
            asPostgres(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                    "--no-sync", "-E", "UTF8", "--locale=C"));
        } else {
            // -R writes standby.signal and primary_conninfo: started, the copy streams WAL from the primary and serves reads.
            asPostgres(List.of(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(primary.port()),
                    "-U", "postgres", "-D", data.toString(), "-R", "-X", "stream", "--no-sync", "-c", "fast"));
        }
        asPostgres(List.of("mkdir", "-p", socketDir.toString()));
    }

    /**
     * A streaming standby of this running server, made with {@code pg_basebackup -R} (not started yet); {@code settings}
     * are extra server settings such as {@code recovery_min_apply_delay=2s}.
     */
    public PrivatePostgres standby(String... settings) {
        requireEnvironment("PostgreSQL standby", bin.resolve("pg_basebackup"));
        return new PrivatePostgres(bin, this, List.of(settings));
    }

    /** Whether this server is a standby in recovery (replaying the primary's WAL). */
    public boolean inRecovery() {
        return queryLong("select case when pg_is_in_recovery() then 1 else 0 end") == 1;
    }

    /** Creates the data directory (the server is not started yet); skips without root or binaries. */
    public static PrivatePostgres create() {
        Path bin = findBin();
        requireEnvironment("PostgreSQL", bin == null ? null : bin.resolve("initdb"), bin == null ? null : bin.resolve("pg_ctl"), RUNUSER);
        return new PrivatePostgres(bin);
    }

    /** Creates and starts one. */
    public static PrivatePostgres started() {
        PrivatePostgres pg = create();
        try {
            pg.start();
            return pg;
        } catch (RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    private static Path findBin() {
        Path preferred = Paths.get("/usr/lib/postgresql/15/bin");
        if (Files.isExecutable(preferred.resolve("pg_ctl"))) {
            return preferred;
        }
        Path root = Paths.get("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString)).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String asPostgres(List<String> command) {
        List<String> full = new java.util.ArrayList<>(List.of(RUNUSER.toString(), "-u", "postgres", "--"));
        full.addAll(command);
        return run(full);
    }

    /**
     * Starts the server. {@code fsync=off} is safe here (the machine does not crash, only the server does), but
     * {@code synchronous_commit} stays on: with it off, an acknowledged commit can be lost in a server crash.
     * {@code wal_keep_size} keeps the WAL a standby copied a while ago but has not streamed yet (a later copy's
     * checkpoint would remove it otherwise).
     */
    @Override
    public synchronized void start() {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()),
                "-o", "-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1 -c max_connections=300"
                        + " -c fsync=off -c full_page_writes=off -c wal_keep_size=128MB" + settings.stream().map(o -> " -c " + o).collect(java.util.stream.Collectors.joining()),
                "start"));
        awaitReachable(START_TIMEOUT, jdbcUrl(), user());
    }

    /** {@code pg_ctl stop -m immediate}: every backend ends at once, clients see their connections drop. */
    @Override
    public synchronized void stop() {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                "-t", String.valueOf(START_TIMEOUT.toSeconds()), "stop"));
    }

    @Override
    public synchronized void kill() {
        Long pid = postmasterPid();
        if (pid != null) {
            killTree(pid);
        }
    }

    @Override
    public boolean isRunning() {
        Long pid = postmasterPid();
        return pid != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private Long postmasterPid() {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return null;
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() || lines.get(0).isBlank() ? null : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    @Override
    protected void killQuietly() {
        try {
            if (isRunning()) {
                stop();
            }
        } catch (RuntimeException e) {
            kill();
        }
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String driver() {
        return "postgres";
    }

    /** The server's log, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
