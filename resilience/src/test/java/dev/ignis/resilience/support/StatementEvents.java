package dev.ignis.resilience.support;

import dev.ignis.engine.settings.QueryListener;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** The statements an engine reported, for asserting where they ran ({@code role}, {@code pool}) and how they ended. */
public final class StatementEvents implements QueryListener {
    private final ConcurrentLinkedQueue<StatementEvent> statements = new ConcurrentLinkedQueue<>();

    @Override
    public void onStatement(StatementEvent event) {
        statements.add(event);
    }

    public void clear() {
        statements.clear();
    }

    public List<StatementEvent> statements(Predicate<StatementEvent> which) {
        return statements.stream().filter(which).toList();
    }

    public long failedStatements() {
        return statements.stream().filter(e -> !e.succeeded()).count();
    }
}
