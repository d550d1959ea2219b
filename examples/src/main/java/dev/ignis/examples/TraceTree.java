package dev.ignis.examples;

import dev.ignis.engine.settings.QueryObservations;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the last repository call the engine observed as a tree: the call, and under it each statement with the
 * datasource and thread it ran on. It is the shape a tracing bridge (micrometer-tracing with OpenTelemetry or Brave)
 * exports as one trace, a span per line. Only the running calls and the last finished one are held.
 */
public final class TraceTree implements ObservationHandler<Observation.Context> {
    private static final class Node {
        final Observation.Context context;
        final String thread = Thread.currentThread().getName();
        final long startNanos = System.nanoTime();
        final List<Node> children = new ArrayList<>();
        volatile long nanos;

        Node(Observation.Context context) {
            this.context = context;
        }
    }

    private final Map<Observation.Context, Node> running = new ConcurrentHashMap<>();
    private volatile Node last;

    @Override
    public void onStart(Observation.Context context) {
        Node node = new Node(context);
        running.put(context, node);
        Node parent = parent(context);
        if (parent != null) {
            synchronized (parent.children) {
                parent.children.add(node);
            }
        }
    }

    @Override
    public void onStop(Observation.Context context) {
        Node node = running.remove(context);
        if (node == null) {
            return;
        }
        node.nanos = System.nanoTime() - node.startNanos;
        if (context.getName().equals(QueryObservations.CALL)) {
            last = node; // a call is a trace's root: a call made inside another is not observed again
        }
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context.getName().equals(QueryObservations.CALL) || context.getName().equals(QueryObservations.STATEMENT);
    }

    /** The last finished call and its statements, one line each, or a note that there was none. */
    public String last() {
        Node root = last;
        if (root == null) {
            return "(no call observed yet)";
        }
        StringBuilder out = new StringBuilder();
        print(root, "", "", out);
        return out.toString();
    }

    private Node parent(Observation.Context context) {
        ObservationView parent = context.getParentObservation();
        return parent == null || !(parent.getContextView() instanceof Observation.Context c) ? null : running.get(c);
    }

    private static void print(Node node, String lead, String indent, StringBuilder out) {
        Observation.Context c = node.context;
        out.append(lead).append(c.getContextualName()).append("  ");
        for (String key : List.of(QueryObservations.DATASOURCE, QueryObservations.STRATEGY, QueryObservations.OUTCOME)) {
            KeyValue value = c.getLowCardinalityKeyValue(key);
            if (value != null) {
                out.append(key).append('=').append(value.getValue()).append(' ');
            }
        }
        out.append(String.format("%.2f ms", node.nanos / 1e6)).append(" [").append(node.thread).append("]\n");
        List<Node> children;
        synchronized (node.children) {
            children = new ArrayList<>(node.children);
        }
        children.sort(Comparator.comparingLong(n -> n.startNanos));
        for (int i = 0; i < children.size(); i++) {
            boolean end = i == children.size() - 1;
            print(children.get(i), indent + (end ? "└─ " : "├─ "), indent + (end ? "   " : "│  "), out);
        }
    }
}
