package dev.ignis.resilience.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * What a fault-injection test needs from one kind of server beside the engine: a probe trigger on {@code res_account}
 * (every row it sees inserted or updated advances a non-transactional sequence, so a rolled-back write still shows how
 * far it got; a row of a sleeper kind makes its statement sleep, so a test can cut it off mid-batch), the
 * session sleeping there, and a way to kill that session from another connection.
 */
public abstract class FaultTarget {
    /** An account of this kind makes the statement inserting it sleep (up to 60 s) in the probe trigger. */
    public static final String INSERT_SLEEPER = "sleeper";
    /** An account of this kind makes the statement updating it sleep (up to 60 s) in the probe trigger. */
    public static final String UPDATE_SLEEPER = "upd-sleeper";

    public final PrivateServer server;

    FaultTarget(PrivateServer server) {
        this.server = server;
    }

    public static FaultTarget of(PrivateServer server) {
        return server instanceof PrivatePostgres ? new Postgres(server) : new MariaDb(server);
    }

    /** Installs the probe sequence and triggers on {@code res_account} (after the engine created the tables). */
    public abstract void installProbe();

    /** Rows the probe trigger has seen so far (inserted or updated, committed or not). */
    public abstract long probe();

    /** The id of the client session sleeping in the probe trigger, if one is. */
    public abstract OptionalLong sleepingSession();

    /** Kills that session from a second connection. */
    public abstract void killSession(long id);

    public abstract String name();

    long single(String sql) {
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    OptionalLong optional(String sql) {
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name();
    }

    static final class Postgres extends FaultTarget {
        Postgres(PrivateServer server) {
            super(server);
        }

        @Override
        public void installProbe() {
            server.execute("create sequence if not exists res_probe",
                    "create or replace function res_probe() returns trigger language plpgsql as $$ begin "
                            + "perform nextval('res_probe'); "
                            + "if (tg_op = 'INSERT' and new.kind = '" + INSERT_SLEEPER + "') or (tg_op = 'UPDATE' and new.kind = '"
                            + UPDATE_SLEEPER + "') then perform pg_sleep(60); end if; "
                            + "return new; end $$",
                    "drop trigger if exists res_probe on res_account",
                    "create trigger res_probe before insert or update on res_account for each row execute function res_probe()");
        }

        @Override
        public long probe() {
            return single("select case when is_called then last_value else 0 end from res_probe");
        }

        @Override
        public OptionalLong sleepingSession() {
            return optional("select pid from pg_stat_activity where wait_event = 'PgSleep' and backend_type = 'client backend' limit 1");
        }

        @Override
        public void killSession(long id) {
            single("select pg_terminate_backend(" + id + ")::int");
        }

        @Override
        public String name() {
            return "postgres";
        }
    }

    static final class MariaDb extends FaultTarget {
        MariaDb(PrivateServer server) {
            super(server);
        }

        @Override
        public void installProbe() {
            server.execute("create sequence if not exists res_probe nocache",
                    "drop trigger if exists res_probe_insert",
                    "drop trigger if exists res_probe_update",
                    "create trigger res_probe_insert before insert on res_account for each row begin "
                            + "set @probe = nextval(res_probe); if new.kind = '" + INSERT_SLEEPER + "' then do sleep(60); end if; end",
                    "create trigger res_probe_update before update on res_account for each row begin "
                            + "set @probe = nextval(res_probe); if new.kind = '" + UPDATE_SLEEPER + "' then do sleep(60); end if; end");
        }

        @Override
        public long probe() {
            return single("select next_not_cached_value - 1 from res_probe");
        }

        @Override
        public OptionalLong sleepingSession() {
            return optional("select id from information_schema.processlist where state = 'User sleep' and command = 'Query' limit 1");
        }

        @Override
        public void killSession(long id) {
            server.execute("kill connection " + id);
        }

        @Override
        public String name() {
            return "mariadb";
        }
    }
}
