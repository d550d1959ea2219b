package dev.ignis.engine.smoke;

import dev.ignis.api.datasource.DataSourceConfig;
import dev.ignis.api.spi.DriverPlugin;
import dev.ignis.api.spi.PerParentForm;

import java.util.Map;

/** A minimal H2 driver so engine tests do not depend on the driver modules. */
public final class TestH2Driver implements DriverPlugin {
    @Override
    public String name() {
        return "test-h2";
    }

    @Override
    public String jdbcUrl(DataSourceConfig config) {
        return config.url() != null ? config.url() : "jdbc:h2:mem:" + config.database() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    public Map<String, Object> hibernateSettings(DataSourceConfig config) {
        return Map.of("hibernate.dialect", "org.hibernate.dialect.H2Dialect");
    }

    /** The form H2's own plugin uses. */
    @Override
    public PerParentForm perParentForm() {
        return PerParentForm.UNION_ALL;
    }

    @Override
    public Map<String, String> sqlFunctions() {
        return Map.of("ignis_regexp", "regexp_like(?1, ?2, 'c')", "ignis_iregexp", "regexp_like(?1, ?2, 'i')");
    }
}
