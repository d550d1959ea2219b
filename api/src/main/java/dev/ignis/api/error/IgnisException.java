package dev.ignis.api.error;

/** Root of every error the library throws on purpose; catch this to catch them all. */
public class IgnisException extends RuntimeException {
    public IgnisException(String message) {
        super(message);
    }

    public IgnisException(String message, Throwable cause) {
        super(message, cause);
    }
}
