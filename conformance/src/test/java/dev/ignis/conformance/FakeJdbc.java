package dev.ignis.conformance;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:ignisfake://<host>/...} URLs: hosts marked {@link #up} answer (every statement is
 * recorded), the others refuse the connection. Lets the provisioning tests play every server situation without one.
 */
final class FakeJdbc implements Driver {
    static final String PREFIX = "jdbc:ignisfake://";
    private static final Set<String> UP = ConcurrentHashMap.newKeySet();
    /** "url | user | statement" for every statement executed. */
    static final List<String> EXECUTED = new CopyOnWriteArrayList<>();

    static {
        try {
            DriverManager.registerDriver(new FakeJdbc());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FakeJdbc() {
    }

    static String url(String host) {
        return PREFIX + host + "/test";
    }

    static void up(String host) {
        UP.add(host);
    }

    static void reset() {
        UP.clear();
        EXECUTED.clear();
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String host = url.substring(PREFIX.length()).replaceAll("[/?].*$", "");
        if (!UP.contains(host)) {
            throw new SQLException("Connection refused: " + host);
        }
        String user = info.getProperty("user");
        Statement statement = (Statement) Proxy.newProxyInstance(FakeJdbc.class.getClassLoader(), new Class<?>[]{Statement.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "execute" -> {
                        EXECUTED.add(url + " | " + user + " | " + args[0]);
                        yield false;
                    }
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (Connection) Proxy.newProxyInstance(FakeJdbc.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createStatement" -> statement;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
