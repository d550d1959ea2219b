/**
 * Run by `mvn -f examples exec:exec` instead of the example when the example is not built yet: the module path needs
 * the project's packaged jars. Launched as a single source file (java NotBuilt.java), so it needs no build itself.
 */
public class NotBuilt {
    public static void main(String[] args) {
        System.err.println("""
                The example is not built yet: its module path needs the project's jars. From the project root, either
                  mvn -B -q install -DskipTests && mvn -B -q -f examples exec:exec
                or, without installing anything,
                  mvn -B -q package -DskipTests
                  java -p examples/target/modules:examples/target/ignis-examples-0.1.0-SNAPSHOT.jar \\
                       -m dev.ignis.examples/dev.ignis.examples.Main
                """);
        System.exit(1);
    }
}
