package dev.ignis.conformance;

import java.util.Objects;

/**
 * Starts a throw-away database server for the conformance suite when no URL is configured and no local server
 * answers (see {@link Provisioning}). Found with {@link java.util.ServiceLoader}: the non-modular
 * {@code ignis-conformance-containers} artifact implements it with Testcontainers and registers it in
 * {@code META-INF/services}. A driver module that has it on its test class path gets containers on a machine with
 * Docker; without it (or without Docker) nothing changes.
 *
 * <p>Testcontainers cannot sit on the module path (no {@code Automatic-Module-Name}, and
 * {@code testcontainers-postgresql} splits the package {@code org.testcontainers.containers} with the core jar),
 * which is why the suite only knows this interface.
 */
public interface ContainerProvider {

    /**
     * Where a started server is: a JDBC URL of the server's default database (the suite adds its own schema to it,
     * as it does for a configured URL) and the credentials of a user allowed to create that schema.
     */
    record Endpoint(String url, String user, String password) {
        public Endpoint {
            Objects.requireNonNull(url, "url");
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return url + " as " + user; // never the password
        }
    }

    /** Whether a Docker engine answers. Must not throw, and should be quick when there is none. */
    boolean dockerAvailable();

    /**
     * Starts (once per JVM; later calls return the same endpoint) a server of that kind from {@link #image(DatabaseTarget.Kind)}
     * and waits until it accepts connections.
     *
     * @throws IllegalArgumentException for {@link DatabaseTarget.Kind#H2}, which runs in memory
     * @throws RuntimeException         when the container cannot be started
     */
    Endpoint start(DatabaseTarget.Kind kind);

    /** The image a provider starts for a kind: PostgreSQL 15 and MariaDB 10.11, the versions the project supports. */
    static String image(DatabaseTarget.Kind kind) {
        return switch (kind) {
            case POSTGRES -> "postgres:15";
            case MARIADB -> "mariadb:10.11";
            case H2 -> throw new IllegalArgumentException("H2 runs in memory; there is no container for it");
        };
    }
}
