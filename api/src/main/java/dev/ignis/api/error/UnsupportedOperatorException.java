package dev.ignis.api.error;

/** An operator the datasource's driver cannot evaluate with the documented semantics. */
public class UnsupportedOperatorException extends FilterException {
    private final String operator;
    private final String driver;

    public UnsupportedOperatorException(String path, String operator, String driver, String reason) {
        super(path, "operator '" + operator + "' is not supported by driver " + driver
                + (reason == null || reason.isEmpty() ? "" : ": " + reason));
        this.operator = operator;
        this.driver = driver;
    }

    public String operator() {
        return operator;
    }

    public String driver() {
        return driver;
    }
}
