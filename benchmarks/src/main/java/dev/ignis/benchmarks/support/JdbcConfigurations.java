package dev.ignis.benchmarks.support;

import dev.ignis.api.model.TzColumns;
import dev.ignis.api.model.UserColumns;
import dev.ignis.benchmarks.model.Configuration;
import dev.ignis.benchmarks.model.User;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written JDBC contender: what a careful engineer writes by hand for the same reads and writes, mapped
 * to the same model classes the library returns. One prepared statement per operation (joins for same-database
 * relations), columns read by index, a JDBC batch in one transaction for many rows.
 */
public final class JdbcConfigurations {
    private static final String CONFIG_COLUMNS = "id, created_at, modified_at, code, group, created_by, modified_by";
    private static final String USER_COLUMNS = "id, created_at, modified_at, realm, status, type, activated_at, last_login_at, parent_id, name";
    private static final int CONFIG_WIDTH = 7;

    private final Db db;
    private final DataSource pool;
    private final String pageSql;
    private final String pageWithoutRelationsSql;
    private final String byIdSql;
    private final String countSql;
    private final String insertSql;
    private final String usersByIdSql;

    public JdbcConfigurations(Db db, DataSource pool) {
        this.db = db;
        this.pool = pool;
        String c = db.q("Configuration");
        String u = db.q("User");
        String order = " order by c." + db.q("code") + ", c." + db.q("id") + " limit ?";
        String where = " where c." + db.q("group") + " = ?";
        this.pageSql = "select " + columns("c", CONFIG_COLUMNS) + ", " + columns("u1", USER_COLUMNS) + ", " + columns("u2", USER_COLUMNS)
                + " from " + c + " c left join " + u + " u1 on u1." + db.q("id") + " = c." + db.q("created_by")
                + " left join " + u + " u2 on u2." + db.q("id") + " = c." + db.q("modified_by") + where + order;
        this.pageWithoutRelationsSql = "select " + columns("c", CONFIG_COLUMNS) + " from " + c + " c" + where + order;
        this.byIdSql = "select " + columns("c", CONFIG_COLUMNS) + " from " + c + " c where c." + db.q("id") + " = ?";
        this.countSql = "select count(*) from " + c + " c" + where;
        this.insertSql = insertSql(db);
        this.usersByIdSql = "select " + columns("u", USER_COLUMNS) + " from " + u + " u where u." + db.q("id") + " = any (?)";
    }

    /** Scenario 1: one statement, both relations joined. */
    public List<Configuration> findPage(String group, int limit) {
        try (Connection connection = pool.getConnection(); PreparedStatement ps = connection.prepareStatement(pageSql)) {
            ps.setString(1, group);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Configuration> rows = new ArrayList<>(limit);
                while (rs.next()) {
                    Configuration row = configuration(rs);
                    row.setCreator(user(rs, CONFIG_WIDTH + 1));
                    row.setModifier(user(rs, CONFIG_WIDTH + 11));
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scenario 2, first statement: the page without relations (they live on another database). */
    public List<Configuration> findPageWithoutRelations(String group, int limit) {
        try (Connection connection = pool.getConnection(); PreparedStatement ps = connection.prepareStatement(pageWithoutRelationsSql)) {
            ps.setString(1, group);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<Configuration> rows = new ArrayList<>(limit);
                while (rs.next()) {
                    rows.add(configuration(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scenario 2, second statement (PostgreSQL): users by id, one array parameter. */
    public Map<String, User> usersById(Collection<String> ids) {
        try (Connection connection = pool.getConnection(); PreparedStatement ps = connection.prepareStatement(usersByIdSql)) {
            Array array = connection.createArrayOf("varchar", ids.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, User> byId = new HashMap<>(ids.size() * 2);
                while (rs.next()) {
                    User user = user(rs, 1);
                    byId.put(user.getId(), user);
                }
                return byId;
            } finally {
                array.free();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Configuration findById(String id) {
        try (Connection connection = pool.getConnection(); PreparedStatement ps = connection.prepareStatement(byIdSql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? configuration(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String group) {
        try (Connection connection = pool.getConnection(); PreparedStatement ps = connection.prepareStatement(countSql)) {
            ps.setString(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row, one auto-committed statement. */
    public void insert(Configuration row) {
        try (Connection connection = pool.getConnection(); PreparedStatement ps = connection.prepareStatement(insertSql)) {
            bind(db, ps, row);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Many rows: one JDBC batch in one transaction (all or nothing, like the library's createAll). */
    public void insertAll(List<Configuration> rows) {
        batch(insertSql, rows);
    }

    /** One JDBC batch of a statement binding a configuration's 7 columns, in one transaction. */
    void batch(String sql, List<Configuration> rows) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (Configuration row : rows) {
                    bind(db, ps, row);
                    ps.addBatch();
                }
                ps.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configuration columns, each quoted, separated by commas. */
    static String configColumns(Db db, String alias) {
        StringBuilder out = new StringBuilder();
        for (String name : CONFIG_COLUMNS.split(", ")) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(alias == null ? "" : alias + ".").append(db.q(name));
        }
        return out.toString();
    }

    static String insertSql(Db db) {
        return "insert into " + db.q("Configuration") + " (" + quoted(db, CONFIG_COLUMNS) + ") values (?, ?, ?, ?, ?, ?, ?)";
    }

    static String insertUserSql(Db db) {
        return "insert into " + db.q("User") + " (" + quoted(db, USER_COLUMNS) + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    static void bind(Db db, PreparedStatement ps, Configuration row) throws SQLException {
        ps.setString(1, row.getId());
        db.setInstant(ps, 2, row.getTz().getCreatedAt());
        db.setInstant(ps, 3, row.getTz().getModifiedAt());
        ps.setString(4, row.getCode());
        ps.setString(5, row.getGroup());
        ps.setString(6, row.getCreatedBy());
        ps.setString(7, row.getModifiedBy());
    }

    static void bindUser(Db db, PreparedStatement ps, User u) throws SQLException {
        ps.setString(1, u.getId());
        db.setInstant(ps, 2, u.getTz().getCreatedAt());
        db.setInstant(ps, 3, u.getTz().getModifiedAt());
        ps.setString(4, u.getUser().getRealm());
        ps.setString(5, u.getUser().getStatus());
        ps.setString(6, u.getUser().getType());
        db.setInstant(ps, 7, u.getUser().getActivatedAt());
        db.setInstant(ps, 8, u.getUser().getLastLoginAt());
        ps.setString(9, u.getUser().getParentId());
        ps.setString(10, u.getName());
    }

    /** A configuration from the first 7 columns, in {@link #CONFIG_COLUMNS} order. */
    Configuration configuration(ResultSet rs) throws SQLException {
        Configuration row = new Configuration();
        row.setId(rs.getString(1));
        TzColumns tz = row.getTz();
        tz.setCreatedAt(db.instant(rs, 2));
        tz.setModifiedAt(db.instant(rs, 3));
        row.setCode(rs.getString(4));
        row.setGroup(rs.getString(5));
        row.setCreatedBy(rs.getString(6));
        row.setModifiedBy(rs.getString(7));
        return row;
    }

    /** A user from 10 columns starting at {@code at}, or null when a left join found none. */
    private User user(ResultSet rs, int at) throws SQLException {
        String id = rs.getString(at);
        if (id == null) {
            return null;
        }
        User user = new User();
        user.setId(id);
        TzColumns tz = user.getTz();
        tz.setCreatedAt(db.instant(rs, at + 1));
        tz.setModifiedAt(db.instant(rs, at + 2));
        UserColumns extra = user.getUser();
        extra.setRealm(rs.getString(at + 3));
        extra.setStatus(rs.getString(at + 4));
        extra.setType(rs.getString(at + 5));
        extra.setActivatedAt(db.instant(rs, at + 6));
        extra.setLastLoginAt(db.instant(rs, at + 7));
        extra.setParentId(rs.getString(at + 8));
        user.setName(rs.getString(at + 9));
        return user;
    }

    private String columns(String alias, String names) {
        StringBuilder out = new StringBuilder();
        for (String name : names.split(", ")) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(alias).append('.').append(db.q(name));
        }
        return out.toString();
    }

    private static String quoted(Db db, String names) {
        StringBuilder out = new StringBuilder();
        for (String name : names.split(", ")) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(db.q(name));
        }
        return out.toString();
    }
}
