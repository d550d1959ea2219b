package dev.ignis.examples.metrics;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text-format scrape: each sample name with the label names its series carry. */
record Scrape(Map<String, Set<String>> labelsBySample) {
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");

    static Scrape parse(String text) {
        Map<String, Set<String>> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            int end = brace >= 0 && (space < 0 || brace < space) ? brace : space;
            String name = line.substring(0, end);
            Set<String> labels = samples.computeIfAbsent(name, n -> new LinkedHashSet<>());
            if (end == brace) {
                Matcher m = LABEL.matcher(line.substring(brace + 1, line.lastIndexOf('}')));
                while (m.find()) {
                    labels.add(m.group(1));
                }
            }
        }
        return new Scrape(samples);
    }

    boolean has(String sample) {
        return labelsBySample.containsKey(sample);
    }

    Set<String> labels(String sample) {
        return labelsBySample.getOrDefault(sample, Set.of());
    }

    /**
     * The samples of the family a name belongs to, for a helpful failure: {@code ignis_query_seconds_bucket} →
     * {@code ignis_query_seconds_count, _sum, _max}. A timer or summary publishes {@code _bucket} only with
     * histogram buckets switched on.
     */
    Set<String> family(String sample) {
        String base = sample.replaceFirst("_(bucket|count|sum|max|total|created)$", "");
        Set<String> family = new LinkedHashSet<>();
        labelsBySample.keySet().stream().filter(s -> s.equals(base) || s.startsWith(base + "_")).forEach(family::add);
        return family;
    }
}
