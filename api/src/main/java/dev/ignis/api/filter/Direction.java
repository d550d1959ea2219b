package dev.ignis.api.filter;

/** Sort direction. NULLs sort as larger than any value on every driver: last in ASC, first in DESC. */
public enum Direction {
    ASC,
    DESC
}
