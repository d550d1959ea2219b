package dev.ignis.benchmarks.support;

import dev.ignis.benchmarks.model.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hand-written JDBC contender for bulk writes and reads: an upsert batch in one transaction, in each database's
 * own form, and a plain cursor over the configurations in the way each driver streams.
 */
public final class JdbcBulk {
    private final Db db;
    private final DataSource pool;
    private final JdbcConfigurations rows;
    private final String upsertSql;
    private final String streamSql;

    public JdbcBulk(Db db, DataSource pool) {
        this.db = db;
        this.pool = pool;
        this.rows = new JdbcConfigurations(db, pool);
        this.upsertSql = upsertSql(db);
        this.streamSql = "select " + JdbcConfigurations.configColumns(db, "c") + " from " + db.q("Configuration") + " c order by c." + db.q("id");
    }

    /**
     * Inserts or updates on the id: an existing row keeps its creation stamp and takes every other column.
     * PostgreSQL {@code on conflict (id) do update}, MariaDB {@code on duplicate key update}, H2 {@code merge .. using}.
     */
    static String upsertSql(Db db) {
        String[] updated = {"modified_at", "code", "group", "created_by", "modified_by"};
        StringBuilder sql = new StringBuilder();
        switch (db) {
            case POSTGRES -> {
                sql.append(JdbcConfigurations.insertSql(db)).append(" on conflict (").append(db.q("id")).append(") do update set ");
                for (int i = 0; i < updated.length; i++) {
                    sql.append(i == 0 ? "" : ", ").append(db.q(updated[i])).append(" = excluded.").append(db.q(updated[i]));
                }
            }
            case MARIADB -> {
                sql.append(JdbcConfigurations.insertSql(db)).append(" on duplicate key update ");
                for (int i = 0; i < updated.length; i++) {
                    sql.append(i == 0 ? "" : ", ").append(db.q(updated[i])).append(" = values(").append(db.q(updated[i])).append(")");
                }
            }
            case H2 -> {
                String columns = JdbcConfigurations.configColumns(db, null);
                sql.append("merge into ").append(db.q("Configuration")).append(" t using (values (?, ?, ?, ?, ?, ?, ?)) s (")
                        .append(columns).append(") on t.").append(db.q("id")).append(" = s.").append(db.q("id"))
                        .append(" when matched then update set ");
                for (int i = 0; i < updated.length; i++) {
                    sql.append(i == 0 ? "" : ", ").append(db.q(updated[i])).append(" = s.").append(db.q(updated[i]));
                }
                sql.append(" when not matched then insert (").append(columns).append(") values (")
                        .append(JdbcConfigurations.configColumns(db, "s")).append(")");
            }
        }
        return sql.toString();
    }

    /** Many rows: one JDBC batch in one transaction. */
    public void upsertAll(List<Configuration> batch) {
        rows.batch(upsertSql, batch);
    }

    /**
     * Every configuration in id order through a cursor: PostgreSQL reads {@code fetchSize} rows per round trip inside
     * a transaction, Connector/J streams row by row with {@code Integer.MIN_VALUE}, H2 reads its result as it is.
     * Returns the number of rows.
     */
    public long streamAll(int fetchSize, Consumer<Configuration> consumer) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(streamSql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(fetchSize);
                long count = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(rows.configuration(rs));
                        count++;
                    }
                }
                return count;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
