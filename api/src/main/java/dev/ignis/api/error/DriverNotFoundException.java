package dev.ignis.api.error;

import java.util.List;

/** A datasource names a driver that no plugin on the module path provides. */
public class DriverNotFoundException extends IgnisException {
    private final String driver;
    private final List<String> discovered;

    public DriverNotFoundException(String dataSource, String driver, List<String> discovered) {
        super("DataSource " + dataSource + " uses driver '" + driver + "', but no such driver plugin was found; discovered: "
                + (discovered.isEmpty() ? "none (add a driver module such as ignis-driver-h2)" : String.join(", ", discovered)));
        this.driver = driver;
        this.discovered = List.copyOf(discovered);
    }

    public String driver() {
        return driver;
    }

    public List<String> discovered() {
        return discovered;
    }
}
