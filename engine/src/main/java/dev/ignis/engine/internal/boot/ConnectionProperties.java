package dev.ignis.engine.internal.boot;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JDBC driver properties a pool sets: the driver plugin's defaults, except those the user wrote as URL parameters,
 * then the configuration's own {@code .property(...)} values. JDBC drivers such as Connector/J let a property override
 * a URL parameter, so a default left in would silently beat what the user wrote.
 */
final class ConnectionProperties {
    private ConnectionProperties() {
    }

    static Map<String, String> of(Map<String, String> defaults, String url, Map<String, ?> configured) {
        Set<String> written = parameterNames(url);
        Map<String, String> out = new LinkedHashMap<>();
        defaults.forEach((name, value) -> {
            if (!written.contains(name.toLowerCase(Locale.ROOT))) {
                out.put(name, value);
            }
        });
        configured.forEach((name, value) -> out.put(name, String.valueOf(value)));
        return out;
    }

    /** Lower-case names of the URL's parameters: {@code ?a=1&b=2} (PostgreSQL, MySQL) and {@code ;A=1;B=2} (H2). */
    static Set<String> parameterNames(String url) {
        Set<String> names = new TreeSet<>();
        int query = url.indexOf('?');
        int semicolon = url.indexOf(';');
        int start = query < 0 ? semicolon : semicolon < 0 ? query : Math.min(query, semicolon);
        if (start < 0) {
            return names;
        }
        for (String parameter : url.substring(start + 1).split("[&;]")) {
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).trim();
            if (!name.isEmpty()) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
