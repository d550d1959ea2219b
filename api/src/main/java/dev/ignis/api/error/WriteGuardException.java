package dev.ignis.api.error;

/** An update or delete without conditions, refused unless the caller passes {@code force}. */
public class WriteGuardException extends IgnisException {
    public WriteGuardException(String model, String operation) {
        super(operation + " on " + model + " has an empty 'where' and would touch every row; "
                + "pass WriteOptions.force() to do that on purpose");
    }
}
