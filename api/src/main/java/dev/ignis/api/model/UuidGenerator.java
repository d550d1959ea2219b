package dev.ignis.api.model;

import java.util.UUID;

/** The default string id: a random UUID in its canonical text form. */
public final class UuidGenerator implements IdGenerator {
    @Override
    public String nextId() {
        return UUID.randomUUID().toString();
    }
}
