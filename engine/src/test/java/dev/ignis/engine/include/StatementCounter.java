package dev.ignis.engine.include;

import dev.ignis.engine.settings.QueryListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every statement the engine reports, for tests that promise a number of queries. */
public final class StatementCounter implements QueryListener {
    public final List<StatementEvent> statements = new CopyOnWriteArrayList<>();
    public final List<CallEvent> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onStatement(StatementEvent event) {
        statements.add(event);
    }

    @Override
    public void onCall(CallEvent event) {
        calls.add(event);
    }

    public void reset() {
        statements.clear();
        calls.clear();
    }

    public long count(String dataSource, String strategy) {
        return statements.stream().filter(s -> s.dataSource().equals(dataSource) && s.strategy().equals(strategy)).count();
    }
}
