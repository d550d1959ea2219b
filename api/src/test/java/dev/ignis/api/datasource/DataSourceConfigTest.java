package dev.ignis.api.datasource;

import dev.ignis.api.error.DataSourceConfigException;
import dev.ignis.api.error.IgnisException;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DataSourceConfigTest {

    static final class ModelA {
    }

    static final class ModelB {
    }

    private static DataSourceConfig.Builder valid() {
        return DataSourceConfig.named("main").driver("h2").url("jdbc:h2:mem:test");
    }

    private static DataSourceConfig.Builder validHost() {
        return DataSourceConfig.named("main").driver("postgres").host("db.local").port(5432).database("app");
    }

    private static DataSourceConfigException buildError(DataSourceConfig.Builder b) {
        DataSourceConfigException e = catchThrowableOfType(DataSourceConfigException.class, b::build);
        assertThat(e).as("expected DataSourceConfigException").isNotNull().isInstanceOf(IgnisException.class);
        return e;
    }

    @Nested
    class Defaults {
        @Test
        void defaultsOfAMinimalConfig() {
            DataSourceConfig c = valid().build();
            assertThat(c.name()).isEqualTo("main");
            assertThat(c.driver()).isEqualTo("h2");
            assertThat(c.url()).isEqualTo("jdbc:h2:mem:test");
            assertThat(c.host()).isNull();
            assertThat(c.port()).isNull();
            assertThat(c.maxPoolSize()).isEqualTo(10);
            assertThat(c.minIdle()).isEqualTo(2);
            assertThat(c.schemaAction()).isEqualTo(SchemaAction.NONE);
            assertThat(c.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
            assertThat(c.maxLifetime()).isEqualTo(Duration.ofMinutes(30));
            assertThat(c.properties()).isEmpty();
            assertThat(c.models()).isEmpty();
            assertThat(c.user()).isNull();
            assertThat(c.password()).isNull();
        }

        @Test
        void hostPortDatabaseForm() {
            DataSourceConfig c = validHost().build();
            assertThat(c.url()).isNull();
            assertThat(c.host()).isEqualTo("db.local");
            assertThat(c.port()).isEqualTo(5432);
            assertThat(c.database()).isEqualTo("app");
        }

        @Test
        void databaseAloneIsEnough() {
            assertThatCode(() -> DataSourceConfig.named("x").driver("h2").database("mem").build()).doesNotThrowAnyException();
        }

        @Test
        void minIdleDefaultsToTwoCappedByPoolSize() {
            assertThat(valid().maxPoolSize(1).build().minIdle()).isEqualTo(1);
            assertThat(valid().maxPoolSize(2).build().minIdle()).isEqualTo(2);
            assertThat(valid().maxPoolSize(50).build().minIdle()).isEqualTo(2);
            assertThat(valid().maxPoolSize(50).minIdle(7).build().minIdle()).isEqualTo(7);
        }

        @Test
        void everySetterIsKept() {
            DataSourceConfig c = valid().user("app").password("pw").maxPoolSize(20).minIdle(5)
                    .connectionTimeout(Duration.ofSeconds(3)).idleTimeout(Duration.ofMinutes(1)).maxLifetime(Duration.ofHours(1))
                    .property("ssl", "true").properties(Map.of("tcpKeepAlive", "true"))
                    .schemaAction(SchemaAction.UPDATE).models(ModelA.class, ModelB.class).build();
            assertThat(c.user()).isEqualTo("app");
            assertThat(c.password()).isEqualTo("pw");
            assertThat(c.maxPoolSize()).isEqualTo(20);
            assertThat(c.minIdle()).isEqualTo(5);
            assertThat(c.connectionTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(1));
            assertThat(c.maxLifetime()).isEqualTo(Duration.ofHours(1));
            assertThat(c.properties()).containsExactlyInAnyOrderEntriesOf(Map.of("ssl", "true", "tcpKeepAlive", "true"));
            assertThat(c.schemaAction()).isEqualTo(SchemaAction.UPDATE);
            assertThat(c.models()).containsExactly(ModelA.class, ModelB.class);
        }

        @Test
        void builtConfigIsIsolatedFromLaterBuilderChanges() {
            Map<String, String> props = new HashMap<>(Map.of("a", "1"));
            DataSourceConfig.Builder b = valid().properties(props).models(ModelA.class);
            DataSourceConfig c = b.build();
            props.put("b", "2");
            b.property("c", "3").models(ModelB.class);
            assertThat(c.properties()).containsOnlyKeys("a");
            assertThat(c.models()).containsExactly(ModelA.class);
            assertThatThrownBy(() -> c.properties().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> c.models().add(ModelB.class)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void toBuilderCopiesEverything() {
            DataSourceConfig c = validHost().user("u").password("pw").maxPoolSize(7).minIdle(3)
                    .property("k", "v").schemaAction(SchemaAction.VALIDATE).models(ModelA.class).build();
            DataSourceConfig copy = c.toBuilder().build();
            assertThat(copy.host()).isEqualTo("db.local");
            assertThat(copy.port()).isEqualTo(5432);
            assertThat(copy.database()).isEqualTo("app");
            assertThat(copy.url()).isNull();
            assertThat(copy.password()).isEqualTo("pw");
            assertThat(copy.minIdle()).isEqualTo(3);
            assertThat(copy.properties()).isEqualTo(c.properties());
            assertThat(copy.models()).isEqualTo(c.models());
            assertThat(copy.toString()).isEqualTo(c.toString());

            DataSourceConfig urlCopy = valid().build().toBuilder().maxPoolSize(4).build();
            assertThat(urlCopy.url()).isEqualTo("jdbc:h2:mem:test");
            assertThat(urlCopy.maxPoolSize()).isEqualTo(4);
        }
        @Test
        void toBuilderKeepsMinIdleDerivedWhenItWasNotSet() {
            DataSourceConfig c = valid().build();
            DataSourceConfig smaller = c.toBuilder().maxPoolSize(1).build();
            assertThat(smaller.minIdle()).isEqualTo(1);
        }
    }

    @Nested
    class Validation {
        static Stream<Arguments> problems() {
            return Stream.of(
                    Arguments.of("missing driver", (UnaryOperator<DataSourceConfig.Builder>) b -> b.driver(null),
                            "driver is required"),
                    Arguments.of("blank driver", (UnaryOperator<DataSourceConfig.Builder>) b -> b.driver("  "),
                            "driver is required"),
                    Arguments.of("neither url nor database", (UnaryOperator<DataSourceConfig.Builder>) b -> b.url(null),
                            "give either url or database"),
                    Arguments.of("host without database", (UnaryOperator<DataSourceConfig.Builder>) b -> b.url(null).host("h").port(5432),
                            "give either url or database"),
                    Arguments.of("url and host", (UnaryOperator<DataSourceConfig.Builder>) b -> b.host("h"),
                            "give either url or host/port/database, not both"),
                    Arguments.of("url and port", (UnaryOperator<DataSourceConfig.Builder>) b -> b.port(5432),
                            "not both"),
                    Arguments.of("url and database", (UnaryOperator<DataSourceConfig.Builder>) b -> b.database("d"),
                            "not both"),
                    Arguments.of("bad url prefix", (UnaryOperator<DataSourceConfig.Builder>) b -> b.url("postgresql://h/db"),
                            "url must be a JDBC URL starting with 'jdbc:' (got 'postgresql://h/db')"),
                    Arguments.of("upper-case url prefix", (UnaryOperator<DataSourceConfig.Builder>) b -> b.url("JDBC:h2:mem:x"),
                            "starting with 'jdbc:'"),
                    Arguments.of("port 0", (UnaryOperator<DataSourceConfig.Builder>) b -> b.url(null).database("d").port(0),
                            "port must be between 1 and 65535 (got 0)"),
                    Arguments.of("port 65536", (UnaryOperator<DataSourceConfig.Builder>) b -> b.url(null).database("d").port(65536),
                            "port must be between 1 and 65535 (got 65536)"),
                    Arguments.of("pool 0", (UnaryOperator<DataSourceConfig.Builder>) b -> b.maxPoolSize(0),
                            "maxPoolSize must be between 1 and 1000 (got 0)"),
                    Arguments.of("pool 1001", (UnaryOperator<DataSourceConfig.Builder>) b -> b.maxPoolSize(1001),
                            "maxPoolSize must be between 1 and 1000 (got 1001)"),
                    Arguments.of("minIdle > max", (UnaryOperator<DataSourceConfig.Builder>) b -> b.maxPoolSize(5).minIdle(6),
                            "minIdle must be between 0 and maxPoolSize (got 6)"),
                    Arguments.of("negative minIdle", (UnaryOperator<DataSourceConfig.Builder>) b -> b.minIdle(-1),
                            "minIdle must be between 0 and maxPoolSize (got -1)"),
                    Arguments.of("connectionTimeout too short",
                            (UnaryOperator<DataSourceConfig.Builder>) b -> b.connectionTimeout(Duration.ofMillis(249)),
                            "connectionTimeout must be at least 250 ms (got 249 ms)"),
                    Arguments.of("connectionTimeout null", (UnaryOperator<DataSourceConfig.Builder>) b -> b.connectionTimeout(null),
                            "connectionTimeout must be at least 250 ms (got null)"),
                    Arguments.of("idleTimeout too short",
                            (UnaryOperator<DataSourceConfig.Builder>) b -> b.idleTimeout(Duration.ofSeconds(9)),
                            "idleTimeout must be at least 10000 ms (got 9000 ms)"),
                    Arguments.of("maxLifetime too short",
                            (UnaryOperator<DataSourceConfig.Builder>) b -> b.maxLifetime(Duration.ofSeconds(29)),
                            "maxLifetime must be at least 30000 ms (got 29000 ms)"),
                    Arguments.of("negative timeout",
                            (UnaryOperator<DataSourceConfig.Builder>) b -> b.connectionTimeout(Duration.ofSeconds(-5)),
                            "connectionTimeout must be at least 250 ms"),
                    Arguments.of("null schemaAction", (UnaryOperator<DataSourceConfig.Builder>) b -> b.schemaAction(null),
                            "schemaAction must not be null"),
                    Arguments.of("duplicate model", (UnaryOperator<DataSourceConfig.Builder>) b -> b.models(ModelA.class, ModelB.class)
                            .models(ModelA.class), "models lists a class twice"),
                    Arguments.of("null model", (UnaryOperator<DataSourceConfig.Builder>) b -> b.models(ModelA.class, null),
                            "models must not contain null"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("problems")
        void eachProblemIsReportedWithTheDatasourceName(String description, UnaryOperator<DataSourceConfig.Builder> change,
                                                        String expected) {
            DataSourceConfigException e = buildError(change.apply(valid()));
            assertThat(e.getMessage()).startsWith("DataSource main is misconfigured: ").contains(expected);
            assertThat(e.getMessage().split("; ")).as("exactly one problem").hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1db", "_db", "my db", "db!", "", "é"})
        void badNames(String name) {
            DataSourceConfigException e = buildError(DataSourceConfig.named(name).driver("h2").url("jdbc:h2:mem:x"));
            assertThat(e.getMessage()).contains("DataSource " + name + " is misconfigured")
                    .contains("name must start with a letter").contains("(got '" + name + "')");
        }

        @Test
        void nullName() {
            DataSourceConfigException e = buildError(DataSourceConfig.named(null).driver("h2").url("jdbc:h2:mem:x"));
            assertThat(e.getMessage()).contains("name must start with a letter").contains("(got 'null')");
        }

        @Test
        void nameLengthLimit() {
            String ok = "a" + "b".repeat(63);
            assertThat(DataSourceConfig.named(ok).driver("h2").url("jdbc:h2:mem:x").build().name()).hasSize(64);
            DataSourceConfigException e = buildError(DataSourceConfig.named(ok + "c").driver("h2").url("jdbc:h2:mem:x"));
            assertThat(e.getMessage()).contains("name must start with a letter");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "main", "db_1", "reports.eu-west", "A-B_C.D9"})
        void goodNames(String name) {
            assertThat(DataSourceConfig.named(name).driver("h2").url("jdbc:h2:mem:x").build().name()).isEqualTo(name);
        }

        @ParameterizedTest
        @CsvSource({"1,1", "65535,1", "5432,1000"})
        void boundariesAreAccepted(int port, int maxPoolSize) {
            DataSourceConfig.Builder b = validHost().port(port).maxPoolSize(maxPoolSize);
            assertThatCode(b::build).doesNotThrowAnyException();
        }

        @Test
        void exactMinimumsAreAccepted() {
            DataSourceConfig c = valid().maxPoolSize(3).minIdle(3).connectionTimeout(Duration.ofMillis(250))
                    .idleTimeout(Duration.ofSeconds(10)).maxLifetime(Duration.ofSeconds(30)).build();
            assertThat(c.minIdle()).isEqualTo(3);
            assertThat(valid().minIdle(0).build().minIdle()).isZero();
            assertThat(valid().maxPoolSize(1000).build().maxPoolSize()).isEqualTo(1000);
        }

        @Test
        void multipleProblemsAreReportedTogether() {
            DataSourceConfigException e = buildError(DataSourceConfig.named("reports").url("mysql://h/db").maxPoolSize(0)
                    .connectionTimeout(Duration.ZERO).models(ModelA.class, ModelA.class));
            String msg = e.getMessage();
            assertThat(msg).startsWith("DataSource reports is misconfigured: ")
                    .contains("driver is required")
                    .contains("url must be a JDBC URL")
                    .contains("maxPoolSize must be between 1 and 1000 (got 0)")
                    .contains("connectionTimeout must be at least 250 ms (got 0 ms)")
                    .contains("models lists a class twice");
            assertThat(msg.split("; ")).hasSize(5);
        }

        @Test
        void badUrlMessageDoesNotLeakThePassword() {
            DataSourceConfigException e = buildError(valid().url("postgresql://admin:hunter2@db/app?password=hunter2"));
            assertThat(e.getMessage()).doesNotContain("hunter2").contains("url must be a JDBC URL");
        }
    }

    @Nested
    class Redaction {
        @Test
        void toStringNeverShowsThePassword() {
            DataSourceConfig c = valid().user("app").password("s3cr3t-pw").property("password", "s3cr3t-pw").build();
            String s = c.toString();
            assertThat(s).doesNotContain("s3cr3t-pw").contains("password=****").contains("user=app").contains("name=main")
                    .contains("url=jdbc:h2:mem:test").contains("properties=[password]");
        }

        @Test
        void toStringWithoutPassword() {
            assertThat(valid().build().toString()).contains("password=<none>");
            assertThat(valid().password("").build().toString()).contains("password=<none>");
        }

        @Test
        void toStringHidesPasswordQueryParameterInUrl() {
            DataSourceConfig c = valid().url("jdbc:mysql://db:3306/app?user=app&password=secret&useSSL=true").build();
            String s = c.toString();
            assertThat(s).doesNotContain("secret").contains("password=****").contains("useSSL=true").contains("user=app");
            assertThat(c.url()).as("the real url is still available to the driver").contains("password=secret");
        }

        @Test
        void toStringHidesUserInfoPasswordInUrl() {
            DataSourceConfig c = valid().url("jdbc:postgresql://app:secret@db.local:5432/app").build();
            String s = c.toString();
            assertThat(s).doesNotContain("secret").contains("jdbc:postgresql://app:****@db.local:5432/app");
        }

        @Test
        void toStringOfHostFormShowsHostPortDatabase() {
            String s = validHost().password("pw-xyz").build().toString();
            assertThat(s).contains("host=db.local", "port=5432", "database=app").doesNotContain("url=").doesNotContain("pw-xyz");
        }

        @Test
        void toStringNamesModelsBySimpleName() {
            assertThat(valid().models(ModelA.class).build().toString()).contains("models=[ModelA]");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "jdbc:mysql://h/db?password=secret|jdbc:mysql://h/db?password=****",
                "jdbc:mysql://h/db?user=u&password=secret&ssl=true|jdbc:mysql://h/db?user=u&password=****&ssl=true",
                "jdbc:h2:tcp://h/db;USER=sa;PASSWORD=secret;MODE=MySQL|jdbc:h2:tcp://h/db;USER=sa;PASSWORD=****;MODE=MySQL",
                "jdbc:sqlserver://h;pwd=secret|jdbc:sqlserver://h;pwd=****",
                "jdbc:x://h/db?secret=abc|jdbc:x://h/db?secret=****",
                "jdbc:postgresql://u:secret@h:5432/db|jdbc:postgresql://u:****@h:5432/db",
                "jdbc:mysql://u:secret@h/db?password=secret|jdbc:mysql://u:****@h/db?password=****",
                "jdbc:postgresql://h:5432/db|jdbc:postgresql://h:5432/db",
                "jdbc:postgresql://u@h/db|jdbc:postgresql://u@h/db",
                "jdbc:h2:mem:test|jdbc:h2:mem:test",
        })
        void redactUrl(String url, String expected) {
            assertThat(DataSourceConfig.redactUrl(url)).isEqualTo(expected);
        }

        @Test
        void redactUrlOfNullIsNull() {
            assertThat(DataSourceConfig.redactUrl(null)).isNull();
        }
    }

    @Nested
    class Migrations {
        @Test
        void defaultsAreOneFolderAndOneHistoryTablePerDataSource() {
            DataSourceConfig core = DataSourceConfig.named("Core-Data").driver("h2").url("jdbc:h2:mem:x").schemaAction(SchemaAction.MIGRATE).build();
            assertThat(core.migrationLocations()).containsExactly("classpath:db/migration/Core-Data");
            assertThat(core.migrationTable()).isEqualTo("flyway_history_core_data");
        }

        @Test
        void givenLocationsAndTableReplaceTheDefaultsAndSurviveToBuilder() {
            DataSourceConfig config = valid().schemaAction(SchemaAction.MIGRATE)
                    .migrationLocations("classpath:db/a", "filesystem:/tmp/b").migrationTable("history").build();
            DataSourceConfig copy = config.toBuilder().build();
            assertThat(copy.migrationLocations()).containsExactly("classpath:db/a", "filesystem:/tmp/b");
            assertThat(copy.migrationTable()).isEqualTo("history");
            assertThat(config.toString()).contains("migrationLocations=[classpath:db/a, filesystem:/tmp/b]", "migrationTable=history");
        }

        @Test
        void aHistoryTableNameThatCannotBeATableIsRefused() {
            assertThatThrownBy(() -> valid().migrationTable("x; drop table y").build())
                    .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("migrationTable");
            String longName = "A" + "b".repeat(60);
            assertThatThrownBy(() -> DataSourceConfig.named(longName).driver("h2").url("jdbc:h2:mem:x").schemaAction(SchemaAction.MIGRATE).build())
                    .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("set one with migrationTable(...)");
            assertThatCode(() -> DataSourceConfig.named(longName).driver("h2").url("jdbc:h2:mem:x").build()).doesNotThrowAnyException();
        }

        @Test
        void blankLocationsAreRefused() {
            assertThatThrownBy(() -> valid().migrationLocations(" ").build())
                    .isInstanceOf(DataSourceConfigException.class).hasMessageContaining("migrationLocations must not be blank");
        }
    }
}
