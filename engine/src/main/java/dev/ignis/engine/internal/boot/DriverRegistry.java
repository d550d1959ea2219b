package dev.ignis.engine.internal.boot;

import dev.ignis.api.error.DriverNotFoundException;
import dev.ignis.api.spi.DriverPlugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/** The driver plugins found on the module path (or class path), by name and alias. */
public final class DriverRegistry {
    private final Map<String, DriverPlugin> byName = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();

    public DriverRegistry(Iterable<DriverPlugin> plugins) {
        for (DriverPlugin plugin : plugins) {
            names.add(plugin.name());
            byName.putIfAbsent(plugin.name().toLowerCase(Locale.ROOT), plugin);
            for (String alias : plugin.aliases()) {
                byName.putIfAbsent(alias.toLowerCase(Locale.ROOT), plugin);
            }
        }
    }

    /** Discovers plugins with {@link ServiceLoader}. */
    public static DriverRegistry discover() {
        return new DriverRegistry(ServiceLoader.load(DriverPlugin.class, DriverRegistry.class.getClassLoader()));
    }

    public DriverPlugin require(String dataSource, String driver) {
        DriverPlugin plugin = driver == null ? null : byName.get(driver.toLowerCase(Locale.ROOT));
        if (plugin == null) {
            throw new DriverNotFoundException(dataSource, driver, names);
        }
        return plugin;
    }

    /** The names of the discovered plugins (without aliases). */
    public List<String> names() {
        return List.copyOf(names);
    }
}
