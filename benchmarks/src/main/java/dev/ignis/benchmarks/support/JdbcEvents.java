package dev.ignis.benchmarks.support;

import dev.ignis.benchmarks.model.Event;
import dev.ignis.benchmarks.model.EventParent;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-parent scenario by hand: the page of parents, then each parent's first {@code limit} events by seq
 * descending, in one statement either through the index (PostgreSQL: {@code unnest} of one array parameter with a
 * {@code lateral} limited select; MariaDB and H2: a {@code union all} of per-key limited selects) or with the old
 * {@code row_number()} window over all events of the parents. Rows are stitched into the same model classes.
 */
public final class JdbcEvents {
    private final Db db;
    private final DataSource pool;
    private final String columns;
    private final String event;

    public JdbcEvents(Db db, DataSource pool) {
        this.db = db;
        this.pool = pool;
        this.columns = db.q("id") + ", " + db.q("parent_id") + ", " + db.q("seq") + ", " + db.q("payload");
        this.event = db.q("pp_event");
    }

    public List<EventParent> indexed(int limit) {
        return read(limit, true);
    }

    public List<EventParent> window(int limit) {
        return read(limit, false);
    }

    private List<EventParent> read(int limit, boolean indexed) {
        try (Connection c = pool.getConnection()) {
            Map<String, EventParent> parents = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select " + db.q("id") + ", " + db.q("name") + " from " + db.q("pp_parent")
                    + " order by " + db.q("id") + " limit ?")) {
                ps.setInt(1, EventDataset.PARENTS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        parents.put(rs.getString(1), new EventParent(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            List<String> keys = new ArrayList<>(parents.keySet());
            try (PreparedStatement ps = indexed ? indexedStatement(c, keys, limit) : windowStatement(c, keys, limit);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Event e = new Event(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4));
                    parents.get(e.getParentId()).getEvents().add(e);
                }
            }
            return new ArrayList<>(parents.values());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PreparedStatement indexedStatement(Connection c, List<String> keys, int limit) throws SQLException {
        String branch = "select " + columns + " from " + event + " where " + db.q("parent_id") + " = ? order by " + db.q("seq")
                + " desc, " + db.q("id") + " limit " + limit;
        if (db == Db.POSTGRES) {
            PreparedStatement ps = c.prepareStatement("select e.* from unnest(?) k(parent) cross join lateral (" + branch.replace("= ?", "= k.parent")
                    + ") e order by e.parent_id, e.seq desc, e.id");
            Array array = c.createArrayOf("varchar", keys.toArray());
            ps.setArray(1, array);
            return ps;
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "(" : " union all (").append(branch).append(')');
        }
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < keys.size(); i++) {
            ps.setString(i + 1, keys.get(i));
        }
        return ps;
    }

    private PreparedStatement windowStatement(Connection c, List<String> keys, int limit) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        PreparedStatement ps = c.prepareStatement("select " + columns + " from (select " + columns + ", row_number() over (partition by "
                + db.q("parent_id") + " order by " + db.q("seq") + " desc, " + db.q("id") + ") w_position from " + event + " where "
                + db.q("parent_id") + " in (" + marks + ")) w where w_position <= " + limit + " order by " + db.q("parent_id") + ", "
                + db.q("seq") + " desc, " + db.q("id"));
        for (int i = 0; i < keys.size(); i++) {
            ps.setString(i + 1, keys.get(i));
        }
        return ps;
    }
}
