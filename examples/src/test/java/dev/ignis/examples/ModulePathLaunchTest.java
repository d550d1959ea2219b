package dev.ignis.examples;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches the example with plain {@code java -p <jars> -m dev.ignis.examples/...}, outside surefire, so the
 * modules must resolve on a real module path: drivers found through {@code provides}/{@code uses}, Hibernate's
 * automatic-module needs met, the models opened to Hibernate and the engine.
 */
class ModulePathLaunchTest {

    @Test
    void exampleRunsOnTheModulePath() throws Exception {
        String modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("test-classes"))
                .filter(entry -> !entry.matches(".*(junit|assertj|opentest4j|apiguardian|surefire|byte-buddy-agent).*"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.jboss.logging.provider=slf4j",
                "-p", modulePath, "-m", "dev.ignis.examples/dev.ignis.examples.Main"))
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("finished within 120 s; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("some_code (general) created by Ada").contains("on CoreDataSource (cross-datasource)");
    }
}
