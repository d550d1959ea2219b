package dev.ignis.examples.http;

import dev.ignis.api.repository.ViewRepository;
import dev.ignis.engine.IgnisApplication;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which repository answers which path: {@code repositories.ConfigurationRepository} is served at
 * {@code /configurations}, {@code repositories.AuditEventRepository} at {@code /audit-events} — the class name
 * without "Repository", in kebab case, plural.
 */
public final class Resources {
    private static final String SUFFIX = "Repository";

    private Resources() {
    }

    /** Every repository bound in the application, by path segment ({@code "audit-events"}), sorted. */
    public static Map<String, ViewRepository<?, ?>> of(IgnisApplication app) {
        Map<String, ViewRepository<?, ?>> resources = new TreeMap<>();
        for (String key : app.keys()) {
            if (!key.startsWith(IgnisApplication.REPOSITORIES)) {
                continue;
            }
            if (app.get(key) instanceof ViewRepository<?, ?> repository) {
                String path = pathFor(key.substring(IgnisApplication.REPOSITORIES.length()));
                ViewRepository<?, ?> previous = resources.putIfAbsent(path, repository);
                if (previous != null) {
                    throw new IllegalArgumentException("Two repositories would be served at /" + path + ": " + key + " and "
                            + previous.getClass().getSimpleName());
                }
            }
        }
        return resources;
    }

    /** {@code "AuditEventRepository"} → {@code "audit-events"}. */
    static String pathFor(String repositoryName) {
        String name = repositoryName.endsWith(SUFFIX) && repositoryName.length() > SUFFIX.length()
                ? repositoryName.substring(0, repositoryName.length() - SUFFIX.length()) : repositoryName;
        String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
        return plural(kebab);
    }

    private static String plural(String word) {
        if (word.matches(".*[^aeiou]y")) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        if (word.matches(".*(s|x|z|ch|sh)")) {
            return word + "es";
        }
        return word + "s";
    }
}
