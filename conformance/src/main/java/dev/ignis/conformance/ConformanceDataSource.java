package dev.ignis.conformance;

import dev.ignis.api.datasource.BaseDataSource;
import dev.ignis.api.datasource.DataSourceConfig;

/** A datasource of the suite; a plain {@link BaseDataSource} over a built configuration. */
public final class ConformanceDataSource extends BaseDataSource {
    public ConformanceDataSource(DataSourceConfig config) {
        super(config);
    }
}
