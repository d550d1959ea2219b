package dev.ignis.examples.metrics;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Just enough of PromQL to say which metrics an expression reads: a tokenizer, not a parser. An identifier is a
 * metric name unless it is followed by {@code (} (a function), is an aggregation or a keyword, or stands where
 * label names do (inside {@code {...}}, and in the parentheses after {@code by}, {@code without}, {@code on},
 * {@code ignoring}, {@code group_left}, {@code group_right}). Strings, numbers, durations, {@code [...]} ranges and
 * Grafana variables ({@code $x}, {@code ${x}}, {@code [[x]]}) are skipped.
 */
final class PromQl {
    static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    static final Set<String> KEYWORDS = Set.of("bool", "and", "or", "unless", "offset", "atan2", "inf", "nan");

    /** What an expression reads: metric names, the label names matched on each, and the labels it groups by. */
    record Reads(Set<String> metrics, Map<String, Set<String>> matchedLabels, Set<String> groupingLabels) {
    }

    private final String text;
    private int i;
    private final Set<String> metrics = new LinkedHashSet<>();
    private final Map<String, Set<String>> matched = new LinkedHashMap<>();
    private final Set<String> grouping = new LinkedHashSet<>();

    private PromQl(String text) {
        this.text = text;
    }

    static Set<String> metricNames(String expression) {
        return reads(expression).metrics();
    }

    static Reads reads(String expression) {
        PromQl tokenizer = new PromQl(expression);
        tokenizer.run();
        return new Reads(tokenizer.metrics, tokenizer.matched, tokenizer.grouping);
    }

    private void run() {
        String lastMetric = null; // the metric a following {...} belongs to
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
                lastMetric = null;
            } else if (c == '$') {
                skipVariable();
                lastMetric = null;
            } else if (c == '[') {
                skipPast(']'); // a range or subquery: durations and variables only ([[var]] too)
                lastMetric = null;
            } else if (c == '{') {
                matchers(lastMetric);
                lastMetric = null;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++; // 0.95, 5m, 1h30m, 1e3, 0x1f
                }
                lastMetric = null;
            } else if (isIdentifierStart(c)) {
                String word = identifier();
                String lower = word.toLowerCase(Locale.ROOT);
                lastMetric = null;
                if (LABEL_LISTS.contains(lower)) {
                    if (peek() == '(') {
                        grouping.addAll(labelList());
                    }
                } else if (peek() == '(' || AGGREGATIONS.contains(lower) || KEYWORDS.contains(lower)) {
                    // a function call, an aggregation (sum by (...) (...)) or an operator keyword
                } else {
                    metrics.add(word);
                    lastMetric = word;
                }
            } else {
                i++; // operators, parentheses, commas
                lastMetric = null;
            }
        }
    }

    /** {@code {name="v", other=~"x|y"}}: the label names, recorded against the metric before it ({@code __name__} names one). */
    private void matchers(String metric) {
        i++; // {
        Set<String> labels = new LinkedHashSet<>();
        while (i < text.length() && text.charAt(i) != '}') {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int start = i;
                skipString(c);
                if (labels.contains("__name__") && metric == null) {
                    metric = text.substring(start + 1, i - 1);
                    metrics.add(metric);
                }
            } else if (isIdentifierStart(c)) {
                labels.add(identifier());
            } else {
                i++;
            }
        }
        i++; // }
        labels.remove("__name__");
        if (metric != null) {
            matched.computeIfAbsent(metric, m -> new LinkedHashSet<>()).addAll(labels);
        }
    }

    /** {@code (a, b)} after by/without/on/ignoring/group_left/group_right. */
    private Set<String> labelList() {
        while (text.charAt(i) != '(') {
            i++;
        }
        i++;
        Set<String> labels = new LinkedHashSet<>();
        while (i < text.length() && text.charAt(i) != ')') {
            if (isIdentifierStart(text.charAt(i))) {
                labels.add(identifier());
            } else {
                i++;
            }
        }
        i++;
        return labels;
    }

    private void skipVariable() {
        i++; // $
        if (i < text.length() && text.charAt(i) == '{') {
            skipPast('}');
        } else {
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                i++;
            }
        }
    }

    private void skipString(char quote) {
        i++;
        while (i < text.length() && text.charAt(i) != quote) {
            if (text.charAt(i) == '\\' && quote != '`') {
                i++;
            }
            i++;
        }
        i++;
    }

    private void skipPast(char close) {
        int depth = 0;
        char open = text.charAt(i);
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return;
            }
        }
    }

    private String identifier() {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == ':')) {
            i++;
        }
        return text.substring(start, i);
    }

    private char peek() {
        int j = i;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() ? text.charAt(j) : 0;
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }
}
