package dev.ignis.examples;

import dev.ignis.engine.settings.QueryListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers the statements of the last calls, to print how many each took on which datasource. Keeps at most
 * {@value #CAPACITY} (the oldest go first), so a long-running example ({@code --serve}) does not grow it forever.
 */
final class StatementLog implements QueryListener {
    static final int CAPACITY = 1000;

    private final Deque<StatementEvent> events = new ArrayDeque<>();

    @Override
    public synchronized void onStatement(StatementEvent event) {
        if (events.size() == CAPACITY) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** "2 statements: CoreDataSource 1 (direct), AuditDataSource 1 (cross-datasource)", and forgets them. */
    synchronized String drain() {
        Map<String, Integer> counts = new TreeMap<>();
        for (StatementEvent e : events) {
            counts.merge(e.dataSource() + " (" + e.strategy() + ")", 1, Integer::sum);
        }
        int total = events.size();
        events.clear();
        List<String> parts = new ArrayList<>();
        counts.forEach((where, n) -> parts.add(n + " on " + where));
        return total + (total == 1 ? " statement: " : " statements: ") + String.join(", ", parts);
    }
}
