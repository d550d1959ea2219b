package dev.ignis.api.error;

/**
 * A call on a model with a tenant property and no current tenant (refused before any statement), or a row whose
 * explicit tenant is not the current one.
 */
public class TenantException extends IgnisException {
    private final String model;

    public TenantException(String model, String message) {
        super(message);
        this.model = model;
    }

    public String model() {
        return model;
    }
}
