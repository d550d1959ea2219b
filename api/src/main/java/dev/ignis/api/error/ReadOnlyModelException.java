package dev.ignis.api.error;

/** A write on a model declared as a VIEW. */
public class ReadOnlyModelException extends IgnisException {
    public ReadOnlyModelException(String model, String operation) {
        super("Model " + model + " is a VIEW and is read-only; " + operation + " is not allowed");
    }
}
