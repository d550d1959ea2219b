package dev.ignis.conformance.containers;

import dev.ignis.conformance.ContainerProvider;
import dev.ignis.conformance.DatabaseTarget;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.EnumMap;
import java.util.Map;

/**
 * The Testcontainers {@link ContainerProvider}: PostgreSQL 15 and MariaDB 10.11, each started at most once per JVM
 * (every driver module's conformance classes share it) and stopped when the JVM exits (Testcontainers' Ryuk reaps
 * them too if the JVM dies). Registered in {@code META-INF/services}; {@link DatabaseTarget#prepare()} only calls it
 * when no URL is configured and no local server answers.
 */
public final class TestcontainersProvider implements ContainerProvider {
    private static final Map<DatabaseTarget.Kind, Endpoint> STARTED = new EnumMap<>(DatabaseTarget.Kind.class);
    private static Boolean docker;

    /** For {@link java.util.ServiceLoader}. */
    public TestcontainersProvider() {
    }

    @Override
    public boolean dockerAvailable() {
        synchronized (TestcontainersProvider.class) {
            if (docker == null) {
                boolean available;
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    available = false;
                }
                docker = available;
            }
            return docker;
        }
    }

    @Override
    public Endpoint start(DatabaseTarget.Kind kind) {
        String image = ContainerProvider.image(kind); // rejects H2
        synchronized (TestcontainersProvider.class) {
            Endpoint started = STARTED.get(kind);
            if (started == null) {
                JdbcDatabaseContainer<?> container = container(kind, image);
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "ignis-conformance-" + image));
                started = new Endpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword());
                STARTED.put(kind, started);
            }
            return started;
        }
    }

    /** The container for a kind, not started. Package-private for tests (building one needs no Docker). */
    static JdbcDatabaseContainer<?> container(DatabaseTarget.Kind kind, String image) {
        return switch (kind) {
            case POSTGRES -> new PostgreSQLContainer(image);
            // root, so that the suite can create its own database next to the default one.
            case MARIADB -> new ConnectorJMariaDbContainer(image).withUsername("root").withPassword("ignis");
            case H2 -> throw new IllegalArgumentException("H2 runs in memory; there is no container for it");
        };
    }

    /**
     * MariaDB reached through MySQL Connector/J, like the project's {@code mariadb} driver plugin does (it rejects
     * {@code jdbc:mariadb:} URLs, and the MariaDB client is not on the class path): Testcontainers waits for the
     * server with this driver and URL, and the suite gets the same URL.
     */
    static final class ConnectorJMariaDbContainer extends MariaDBContainer {
        ConnectorJMariaDbContainer(String image) {
            super(image);
        }

        @Override
        public String getDriverClassName() {
            return "com.mysql.cj.jdbc.Driver";
        }

        @Override
        public String getJdbcUrl() {
            return "jdbc:mysql://" + getHost() + ":" + getMappedPort(3306) + "/" + getDatabaseName();
        }
    }
}
