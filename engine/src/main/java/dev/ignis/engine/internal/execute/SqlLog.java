package dev.ignis.engine.internal.execute;

import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL one datasource sends, as Hibernate prepares it (and as the engine's planned selects run it): logged at
 * DEBUG on {@value #LOGGER}{@code .<datasource>} as {@code [<datasource>] <sql> -- shape <id>}, and its shape named on
 * the statement's observation. Values are bound as parameters, so the text holds placeholders, never values; nothing is
 * logged above DEBUG. Enable {@code dev.ignis.sql} for every datasource, or {@code dev.ignis.sql.<datasource>} for one.
 */
public final class SqlLog implements StatementInspector {
    public static final String LOGGER = "dev.ignis.sql";

    private final String dataSource;
    private final Logger log;

    public SqlLog(String dataSource) {
        this.dataSource = dataSource;
        this.log = LoggerFactory.getLogger(LOGGER + "." + dataSource);
    }

    @Override
    public String inspect(String sql) {
        boolean debug = log.isDebugEnabled();
        if (debug || Observation.statementObserved()) {
            String shape = shape(sql);
            Observation.shape(shape);
            if (debug) {
                log.debug("[{}] {} -- shape {}", dataSource, sql, shape);
            }
        }
        return sql;
    }

    /** Eight hex digits of the text's hash: the same for every run of the same SQL. */
    static String shape(String sql) {
        String hex = Integer.toHexString(sql.hashCode());
        return "00000000".substring(hex.length()) + hex;
    }
}
