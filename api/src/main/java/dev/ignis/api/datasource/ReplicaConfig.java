package dev.ignis.api.datasource;

/**
 * One read replica of a datasource: its JDBC URL and, when they differ from the primary's, its own credentials
 * (null user or password: the primary's). {@link #toString()} never shows the password.
 */
public record ReplicaConfig(String url, String user, String password) {
    @Override
    public String toString() {
        return "ReplicaConfig{url=" + DataSourceConfig.redactUrl(url) + ", user=" + user
                + ", password=" + (password == null || password.isEmpty() ? "<none>" : "****") + "}";
    }
}
