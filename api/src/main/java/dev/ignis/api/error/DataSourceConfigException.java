package dev.ignis.api.error;

/** A datasource configuration that fails validation when it is built. */
public class DataSourceConfigException extends IgnisException {
    public DataSourceConfigException(String message) {
        super(message);
    }
}
