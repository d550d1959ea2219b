package dev.ignis.driver.mysql.cost;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.filter.Operator;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.ErrorKind;
import dev.ignis.api.spi.PerParentForm;
import dev.ignis.api.spi.ValueKind;
import dev.ignis.driver.mysql.MariaDbDriverPlugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MariaDB's plugin in every respect but one: per-parent windows in the {@code row_number()} form, for comparison. */
final class WindowedMariaDb implements DriverPlugin {
    static final String NAME = "mariadb-window";
    private final DriverPlugin mariaDb = new MariaDbDriverPlugin();

    @Override
    public PerParentForm perParentForm() {
        return PerParentForm.WINDOW;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of();
    }

    @Override
    public String jdbcUrl(DataSourceConfig config) {
        return mariaDb.jdbcUrl(config);
    }

    @Override
    public Map<String, Object> hibernateSettings(DataSourceConfig config) {
        return mariaDb.hibernateSettings(config);
    }

    @Override
    public Map<String, String> connectionDefaults() {
        return mariaDb.connectionDefaults();
    }

    @Override
    public Map<String, String> sqlFunctions() {
        return mariaDb.sqlFunctions();
    }

    @Override
    public Optional<String> operatorTemplate(Operator operator, ValueKind kind) {
        return mariaDb.operatorTemplate(operator, kind);
    }

    @Override
    public boolean supports(Operator operator, ValueKind kind) {
        return mariaDb.supports(operator, kind);
    }

    @Override
    public boolean supportsJsonPath() {
        return mariaDb.supportsJsonPath();
    }

    @Override
    public int maxInListSize() {
        return mariaDb.maxInListSize();
    }

    @Override
    public ErrorKind classify(String sqlState, int vendorCode) {
        return mariaDb.classify(sqlState, vendorCode);
    }
}
