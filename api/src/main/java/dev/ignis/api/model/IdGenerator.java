package dev.ignis.api.model;

/** Makes string ids for new rows; implementations need a public no-argument constructor. */
@FunctionalInterface
public interface IdGenerator {
    String nextId();
}
