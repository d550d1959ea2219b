package dev.ignis.api.error;

/** A row addressed by id does not exist (or is hidden by the model's default filter). */
public class NotFoundException extends IgnisException {
    private final String model;
    private final Object id;

    public NotFoundException(String model, Object id) {
        super(model + " with id '" + id + "' was not found");
        this.model = model;
        this.id = id;
    }

    public String model() {
        return model;
    }

    public Object id() {
        return id;
    }
}
