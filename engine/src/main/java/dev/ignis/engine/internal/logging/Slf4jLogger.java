package dev.ignis.engine.internal.logging;

import org.jboss.logging.Logger;

import java.text.MessageFormat;

/** A JBoss Logging logger writing to an SLF4J logger; a demoted one writes everything at DEBUG. */
final class Slf4jLogger extends Logger {
    private static final long serialVersionUID = 1L;

    private final transient org.slf4j.Logger target;
    private final boolean demoted;

    Slf4jLogger(String name, org.slf4j.Logger target, boolean demoted) {
        super(name);
        this.target = target;
        this.demoted = demoted;
    }

    @Override
    public boolean isEnabled(Level level) {
        return switch (effective(level)) {
            case FATAL, ERROR -> target.isErrorEnabled();
            case WARN -> target.isWarnEnabled();
            case INFO -> target.isInfoEnabled();
            case DEBUG -> target.isDebugEnabled();
            case TRACE -> target.isTraceEnabled();
        };
    }

    @Override
    protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters, Throwable thrown) {
        if (isEnabled(level)) {
            String text = parameters == null || parameters.length == 0
                    ? String.valueOf(message) : MessageFormat.format(String.valueOf(message), parameters);
            write(level, text, thrown);
        }
    }

    @Override
    protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters, Throwable thrown) {
        if (isEnabled(level)) {
            write(level, parameters == null || parameters.length == 0 ? format : String.format(format, parameters), thrown);
        }
    }

    private Level effective(Level level) {
        return demoted && level.ordinal() < Level.INFO.ordinal() ? Level.DEBUG : level;
    }

    private void write(Level level, String text, Throwable thrown) {
        switch (effective(level)) {
            case FATAL, ERROR -> target.error(text, thrown);
            case WARN -> target.warn(text, thrown);
            case INFO -> target.info(text, thrown);
            case DEBUG -> target.debug(text, thrown);
            case TRACE -> target.trace(text, thrown);
        }
    }
}
