package dev.ignis.api.error;

/** A model, relation or datasource declaration that cannot work; raised while the engine boots. */
public class ModelException extends IgnisException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
