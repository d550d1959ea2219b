package dev.ignis.engine;

import dev.ignis.engine.settings.QueryListener;

import java.util.List;

/** Fans events out to several listeners, in registration order. */
final class CompositeListener implements QueryListener {
    private final List<QueryListener> listeners;

    CompositeListener(List<QueryListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onStatement(StatementEvent event) {
        for (QueryListener listener : listeners) {
            listener.onStatement(event);
        }
    }

    @Override
    public void onCall(CallEvent event) {
        for (QueryListener listener : listeners) {
            listener.onCall(event);
        }
    }

    @Override
    public void onTenantBypass(TenantBypassEvent event) {
        for (QueryListener listener : listeners) {
            listener.onTenantBypass(event);
        }
    }
}
