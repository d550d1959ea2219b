package dev.ignis.api.datasource;

import dev.ignis.api.error.DataSourceConfigException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a datasource needs to connect: its name, the driver plugin, where the database is, the pool, the
 * schema action and the models it owns. Validated by {@link Builder#build()}; {@link #toString()} never shows
 * the password.
 */
public final class DataSourceConfig {
    private final String name;
    private final String driver;
    private final String url;
    private final String host;
    private final Integer port;
    private final String database;
    private final String user;
    private final String password;
    private final int maxPoolSize;
    private final int minIdle;
    private final boolean minIdleGiven;
    private final Duration connectionTimeout;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final Map<String, String> properties;
    private final Map<String, String> hibernateSettings;
    private final SchemaAction schemaAction;
    private final List<String> migrationLocations;
    private final String migrationTable;
    private final boolean quoteIdentifiers;
    private final List<Class<?>> models;
    private final ReplicaSettings replicaSettings;
    private final boolean transactionPooling;

    private DataSourceConfig(Builder b) {
        this.name = b.name;
        this.driver = b.driver;
        this.url = b.url;
        this.host = b.host;
        this.port = b.port;
        this.database = b.database;
        this.user = b.user;
        this.password = b.password;
        this.maxPoolSize = b.maxPoolSize;
        this.minIdle = b.minIdle == null ? Math.min(2, b.maxPoolSize) : b.minIdle;
        this.minIdleGiven = b.minIdle != null;
        this.connectionTimeout = b.connectionTimeout;
        this.idleTimeout = b.idleTimeout;
        this.maxLifetime = b.maxLifetime;
        this.properties = Map.copyOf(b.properties);
        this.hibernateSettings = Map.copyOf(b.hibernateSettings);
        this.schemaAction = b.schemaAction;
        this.migrationLocations = b.migrationLocations.isEmpty() ? List.of("classpath:db/migration/" + b.name) : List.copyOf(b.migrationLocations);
        this.migrationTable = b.migrationTable != null ? b.migrationTable : defaultMigrationTable(b.name);
        this.quoteIdentifiers = b.quoteIdentifiers;
        this.models = List.copyOf(b.models);
        this.replicaSettings = b.replicaSettings;
        this.transactionPooling = b.transactionPooling;
    }

    /** Starts a configuration for the datasource called {@code name} (the key is then {@code datasources.<name>}). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String driver() {
        return driver;
    }

    /** The JDBC URL as given, or null when host/port/database were given instead. */
    public String url() {
        return url;
    }

    public String host() {
        return host;
    }

    public Integer port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The password; only for handing to the JDBC driver. */
    public String password() {
        return password;
    }

    public int maxPoolSize() {
        return maxPoolSize;
    }

    public int minIdle() {
        return minIdle;
    }

    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** Extra JDBC driver properties, passed to the driver as they are. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Hibernate settings for this datasource's SessionFactory, applied after the driver's (so these win). */
    public Map<String, String> hibernateSettings() {
        return hibernateSettings;
    }

    public SchemaAction schemaAction() {
        return schemaAction;
    }

    /**
     * Where {@link SchemaAction#MIGRATE} finds this datasource's Flyway migrations: {@code classpath:db/migration/<name>}
     * unless set. Flyway location syntax ({@code classpath:}, {@code filesystem:}); sub-folders are scanned too.
     */
    public List<String> migrationLocations() {
        return migrationLocations;
    }

    /**
     * The Flyway history table of this datasource: {@code flyway_history_<name in lower case>} unless set, so that
     * datasources sharing a database or schema keep separate histories.
     */
    public String migrationTable() {
        return migrationTable;
    }

    static String defaultMigrationTable(String name) {
        return name == null ? null : "flyway_history_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /**
     * Whether every table and column name is quoted in SQL (the default: names are used exactly as the model spells
     * them, such as a table {@code "User"}). {@code false} quotes only reserved words, so a model maps tables created
     * by ordinary unquoted DDL, which H2 stores in upper case and PostgreSQL in lower case.
     */
    public boolean quoteIdentifiers() {
        return quoteIdentifiers;
    }

    /** The models this datasource owns, as declared (may be empty: then repositories bound to it declare them). */
    public List<Class<?>> models() {
        return models;
    }

    /** The read replicas and how reads use them ({@link ReplicaSettings#NONE} when there are none). */
    public ReplicaSettings replicaSettings() {
        return replicaSettings;
    }

    /**
     * Whether the URL reaches the database through a pooler in transaction mode (PgBouncer with
     * {@code pool_mode = transaction}), which hands each transaction to whichever server connection is free: the driver
     * plugin then keeps nothing on a connection beyond one transaction (see the README's "PgBouncer").
     */
    public boolean transactionPooling() {
        return transactionPooling;
    }

    public Builder toBuilder() {
        Builder b = new Builder(name).driver(driver).user(user).password(password).maxPoolSize(maxPoolSize)
                .connectionTimeout(connectionTimeout).idleTimeout(idleTimeout).maxLifetime(maxLifetime)
                .properties(properties).hibernateSettings(hibernateSettings).schemaAction(schemaAction).quoteIdentifiers(quoteIdentifiers)
                .models(models.toArray(new Class<?>[0]));
        b.migrationLocations.addAll(migrationLocations);
        b.migrationTable = migrationTable;
        b.url = url;
        b.host = host;
        b.port = port;
        b.database = database;
        b.minIdle = minIdleGiven ? minIdle : null;
        b.replicaSettings = replicaSettings;
        b.transactionPooling = transactionPooling;
        return b;
    }

    @Override
    public String toString() {
        return "DataSourceConfig{name=" + name + ", driver=" + driver
                + (url != null ? ", url=" + redactUrl(url) : ", host=" + host + ", port=" + port + ", database=" + database)
                + ", user=" + user + ", password=" + (password == null || password.isEmpty() ? "<none>" : "****")
                + ", maxPoolSize=" + maxPoolSize + ", schemaAction=" + schemaAction
                + (schemaAction == SchemaAction.MIGRATE ? ", migrationLocations=" + migrationLocations + ", migrationTable=" + migrationTable : "")
                + (quoteIdentifiers ? "" : ", quoteIdentifiers=false")
                + (transactionPooling ? ", transactionPooling=true" : "")
                + ", properties=" + properties.keySet() + (hibernateSettings.isEmpty() ? "" : ", hibernateSettings=" + hibernateSettings.keySet())
                + ", models=" + models.stream().map(Class::getSimpleName).toList()
                + (replicaSettings.isEmpty() ? "" : ", replicas=" + replicaSettings.replicas()) + "}";
    }

    /** Hides credentials some users put into URLs ({@code user:pass@host} or {@code password=...}). */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(password|pwd|secret)=[^&;]*", "$1=****").replaceAll("//([^/@:]+):[^/@]*@", "//$1:****@");
    }

    /** Builds a {@link DataSourceConfig}; {@link #build()} validates it. */
    public static final class Builder {
        private final String name;
        private String driver;
        private String url;
        private String host;
        private Integer port;
        private String database;
        private String user;
        private String password;
        private int maxPoolSize = 10;
        private Integer minIdle;
        private Duration connectionTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration maxLifetime = Duration.ofMinutes(30);
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> hibernateSettings = new LinkedHashMap<>();
        private SchemaAction schemaAction = SchemaAction.NONE;
        private final List<String> migrationLocations = new ArrayList<>();
        private String migrationTable;
        private boolean quoteIdentifiers = true;
        private final List<Class<?>> models = new ArrayList<>();
        private ReplicaSettings replicaSettings = ReplicaSettings.NONE;
        private boolean transactionPooling;

        private Builder(String name) {
            this.name = name;
        }

        /** The driver plugin by name: {@code h2}, {@code postgres}, {@code mysql}, {@code mariadb}. */
        public Builder driver(String driver) {
            this.driver = driver;
            return this;
        }

        /** A full JDBC URL; alternatively give host, port and database. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder database(String database) {
            this.database = database;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder maxPoolSize(int maxPoolSize) {
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        public Builder minIdle(int minIdle) {
            this.minIdle = minIdle;
            return this;
        }

        /** How long a caller waits for a connection before {@code DataSourceUnavailableException}. */
        public Builder connectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        public Builder property(String key, String value) {
            this.properties.put(key, value);
            return this;
        }

        public Builder properties(Map<String, String> more) {
            this.properties.putAll(more);
            return this;
        }

        /** A Hibernate setting for this datasource, e.g. {@code hibernate.generate_statistics=true}. */
        public Builder hibernateSetting(String key, String value) {
            this.hibernateSettings.put(key, value);
            return this;
        }

        public Builder hibernateSettings(Map<String, String> more) {
            this.hibernateSettings.putAll(more);
            return this;
        }

        /** See {@link DataSourceConfig#transactionPooling()}; {@code false} by default. */
        public Builder transactionPooling(boolean throughTransactionPooler) {
            this.transactionPooling = throughTransactionPooler;
            return this;
        }

        /** See {@link DataSourceConfig#quoteIdentifiers()}; {@code true} by default. */
        public Builder quoteIdentifiers(boolean quoteIdentifiers) {
            this.quoteIdentifiers = quoteIdentifiers;
            return this;
        }

        public Builder schemaAction(SchemaAction schemaAction) {
            this.schemaAction = schemaAction;
            return this;
        }

        /**
         * Where this datasource's migrations are ({@code classpath:db/migration/CoreDataSource/postgres},
         * {@code filesystem:/etc/app/migrations}); replaces the default {@code classpath:db/migration/<name>}.
         */
        public Builder migrationLocations(String... locations) {
            this.migrationLocations.clear();
            this.migrationLocations.addAll(Arrays.asList(locations));
            return this;
        }

        /** The Flyway history table's name, instead of {@code flyway_history_<name>}. */
        public Builder migrationTable(String table) {
            this.migrationTable = table;
            return this;
        }

        /** The models this datasource owns (the seed's {@code schema}). */
        public Builder models(Class<?>... modelClasses) {
            this.models.addAll(Arrays.asList(modelClasses));
            return this;
        }

        /**
         * A read replica with the primary's credentials: reads outside a transaction may go to it (see the README's
         * "Read replicas"). Call once per replica.
         */
        public Builder replica(String url) {
            return replica(url, null, null);
        }

        /** A read replica with credentials of its own. */
        public Builder replica(String url, String user, String password) {
            this.replicaSettings = replicaSettings.withReplica(new ReplicaConfig(url, user, password));
            return this;
        }

        /** How reads pick a replica: {@link ReplicaPolicy#ROUND_ROBIN} by default. */
        public Builder replicaPolicy(ReplicaPolicy policy) {
            this.replicaSettings = replicaSettings.withPolicy(policy);
            return this;
        }

        /** How long a read waits for a replica's connection before going to the next replica or the primary (500 ms). */
        public Builder replicaConnectionTimeout(Duration timeout) {
            this.replicaSettings = replicaSettings.withConnectionTimeout(timeout);
            return this;
        }

        /** How long a failed replica stays out of the rotation (5 s). */
        public Builder replicaRetryAfter(Duration backoff) {
            this.replicaSettings = replicaSettings.withRetryAfter(backoff);
            return this;
        }

        /** Databases without comparable replication positions: how long after a write the thread reads the primary (2 s). */
        public Builder readYourWritesWindow(Duration window) {
            this.replicaSettings = replicaSettings.withReadYourWritesWindow(window);
            return this;
        }

        public DataSourceConfig build() {
            List<String> problems = new ArrayList<>();
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")) {
                problems.add("name must start with a letter and hold only letters, digits, '_', '.', '-' (got '" + name + "')");
            }
            if (driver == null || driver.isBlank()) {
                problems.add("driver is required (e.g. h2, postgres, mysql, mariadb)");
            }
            if (url == null && database == null) {
                problems.add("give either url or database (with host/port)");
            }
            if (url != null && (host != null || port != null || database != null)) {
                problems.add("give either url or host/port/database, not both");
            }
            if (url != null && !url.startsWith("jdbc:")) {
                problems.add("url must be a JDBC URL starting with 'jdbc:' (got '" + redactUrl(url) + "')");
            }
            if (port != null && (port < 1 || port > 65535)) {
                problems.add("port must be between 1 and 65535 (got " + port + ")");
            }
            if (maxPoolSize < 1 || maxPoolSize > 1000) {
                problems.add("maxPoolSize must be between 1 and 1000 (got " + maxPoolSize + ")");
            }
            if (minIdle != null && (minIdle < 0 || minIdle > maxPoolSize)) {
                problems.add("minIdle must be between 0 and maxPoolSize (got " + minIdle + ")");
            }
            checkDuration(problems, "connectionTimeout", connectionTimeout, Duration.ofMillis(250));
            checkDuration(problems, "idleTimeout", idleTimeout, Duration.ofSeconds(10));
            checkDuration(problems, "maxLifetime", maxLifetime, Duration.ofSeconds(30));
            if (schemaAction == null) {
                problems.add("schemaAction must not be null");
            }
            if (migrationLocations.stream().anyMatch(l -> l == null || l.isBlank())) {
                problems.add("migrationLocations must not be blank");
            }
            String table = migrationTable != null ? migrationTable : defaultMigrationTable(name);
            if ((schemaAction == SchemaAction.MIGRATE || migrationTable != null) && (table == null || !table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"))) {
                problems.add("migrationTable must be a name of letters, digits and '_' of at most 63 characters (got '" + table
                        + "'); set one with migrationTable(...)");
            }
            if (models.stream().anyMatch(Objects::isNull)) {
                problems.add("models must not contain null");
            } else if (new LinkedHashSet<>(models).size() != models.size()) {
                problems.add("models lists a class twice");
            }
            problems.addAll(replicaSettings.problems());
            if (!problems.isEmpty()) {
                throw new DataSourceConfigException("DataSource " + name + " is misconfigured: " + String.join("; ", problems));
            }
            return new DataSourceConfig(this);
        }

        private static void checkDuration(List<String> problems, String what, Duration value, Duration min) {
            if (value == null || value.compareTo(min) < 0) {
                problems.add(what + " must be at least " + min.toMillis() + " ms (got " + (value == null ? null : value.toMillis() + " ms") + ")");
            }
        }
    }
}
