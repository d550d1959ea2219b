package dev.ignis.examples.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code metrics/dashboards/ignis.json}, and the PromQL expressions of its panels and template variables. */
final class Dashboard {
    static final Path RELATIVE = Path.of("metrics", "dashboards", "ignis.json");

    /** One expression and where it sits ("panel 'Statements per second...' A", "variable model"). */
    record Expression(String where, String promql) {
    }

    final JsonNode json;

    private Dashboard(JsonNode json) {
        this.json = json;
    }

    /** Found from the working directory (the module's, under Maven) upwards. */
    static Dashboard load() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path file = d.resolve(RELATIVE);
            if (Files.isRegularFile(file)) {
                try {
                    return new Dashboard(new ObjectMapper().readTree(file.toFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file, e);
                }
            }
        }
        throw new IllegalStateException(RELATIVE + " not found from " + dir + " upwards");
    }

    /** Every panel, rows' nested panels included. */
    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : json.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /**
     * Every panel target's {@code expr}, and each query variable's PromQL: the selector inside
     * {@code label_values(<selector>, label)}, {@code query_result(<expr>)} or the bare expression.
     */
    List<Expression> expressions() {
        List<Expression> expressions = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    expressions.add(new Expression("panel '" + panel.path("title").asText() + "' "
                            + target.path("refId").asText(), target.get("expr").asText()));
                }
            }
        }
        for (JsonNode variable : json.path("templating").path("list")) {
            if (!variable.path("type").asText().equals("query")) {
                continue;
            }
            JsonNode query = variable.path("query");
            String text = query.isTextual() ? query.asText() : query.path("query").asText();
            expressions.add(new Expression("variable " + variable.path("name").asText(), variablePromQl(text)));
        }
        return expressions;
    }

    /** {@code label_values(m{a="b"}, label)} → {@code m{a="b"}}; {@code query_result(expr)} → {@code expr}. */
    static String variablePromQl(String query) {
        String q = query.strip();
        if (q.startsWith("label_values(") && q.endsWith(")")) {
            String inner = q.substring("label_values(".length(), q.length() - 1);
            int comma = inner.lastIndexOf(',');
            return comma < 0 ? "" : inner.substring(0, comma); // label_values(label) alone reads no metric
        }
        if (q.startsWith("query_result(") && q.endsWith(")")) {
            return q.substring("query_result(".length(), q.length() - 1);
        }
        return q;
    }
}
