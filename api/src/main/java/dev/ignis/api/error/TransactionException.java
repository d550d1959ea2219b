package dev.ignis.api.error;

/** Misuse of a transaction (touching a second datasource inside it) or a failed commit/rollback. */
public class TransactionException extends IgnisException {
    public TransactionException(String message) {
        super(message);
    }

    public TransactionException(String message, Throwable cause) {
        super(message, cause);
    }
}
