package dev.ignis.engine.internal.logging;

import org.jboss.logging.Logger;
import org.jboss.logging.LoggerProvider;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Routes Hibernate's JBoss Logging to SLF4J, so an application configures one logging system (JBoss Logging finds
 * this provider with {@code ServiceLoader} when {@code -Dorg.jboss.logging.provider} is not set; without it, it
 * would pick SLF4J only next to Logback and fall back to java.util.logging).
 * <p>
 * Two of Hibernate's loggers are demoted to DEBUG: {@code org.hibernate.orm.jdbc.error} logs every failed statement at
 * WARN (HHH000247, "ErrorCode: 23505, SQLState: 23505") and again with the database's message, which may quote the
 * values; {@code org.hibernate.orm.jdbc.warn} logs JDBC warnings at WARN, such as PostgreSQL's notice
 * {@code constraint "uk..." of relation ... does not exist, skipping} while a schema is updated. The engine turns each
 * such failure into a typed exception and reports it to its listeners; the notices are not faults.
 */
public final class HibernateLogging implements LoggerProvider {
    static final Set<String> DEMOTED_TO_DEBUG = Set.of("org.hibernate.orm.jdbc.error", "org.hibernate.orm.jdbc.warn");

    private static final ThreadLocal<Deque<String>> NDC = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public Logger getLogger(String name) {
        return new Slf4jLogger(name, LoggerFactory.getLogger(name), DEMOTED_TO_DEBUG.contains(name));
    }

    @Override
    public void clearMdc() {
        MDC.clear();
    }

    @Override
    public Object putMdc(String key, Object value) {
        String previous = MDC.get(key);
        MDC.put(key, value == null ? null : value.toString());
        return previous;
    }

    @Override
    public Object getMdc(String key) {
        return MDC.get(key);
    }

    @Override
    public void removeMdc(String key) {
        MDC.remove(key);
    }

    @Override
    public Map<String, Object> getMdcMap() {
        Map<String, String> copy = MDC.getCopyOfContextMap();
        return copy == null ? Map.of() : new HashMap<>(copy);
    }

    // SLF4J has no nested diagnostic context; JBoss Logging's is kept per thread here (Hibernate does not use it).
    @Override
    public void clearNdc() {
        NDC.get().clear();
    }

    @Override
    public String getNdc() {
        Deque<String> stack = NDC.get();
        return stack.isEmpty() ? null : String.join(" ", (Iterable<String>) stack::descendingIterator);
    }

    @Override
    public int getNdcDepth() {
        return NDC.get().size();
    }

    @Override
    public String popNdc() {
        String top = NDC.get().pollFirst();
        return top == null ? "" : top;
    }

    @Override
    public String peekNdc() {
        String top = NDC.get().peekFirst();
        return top == null ? "" : top;
    }

    @Override
    public void pushNdc(String message) {
        NDC.get().push(message);
    }

    @Override
    public void setNdcMaxDepth(int maxDepth) {
        Deque<String> stack = NDC.get();
        while (stack.size() > maxDepth) {
            stack.pollLast();
        }
    }
}
