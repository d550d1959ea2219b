package dev.ignis.engine.internal.codegen;

import java.util.concurrent.atomic.AtomicInteger;

/** Makes every hidden class the engine is about to define fail, through {@link HiddenClasses}' seam, and counts the refusals. */
public final class GenerationRefusal implements AutoCloseable {
    private final AtomicInteger refused = new AtomicInteger();

    private GenerationRefusal() {
        HiddenClasses.refusal = () -> {
            refused.incrementAndGet();
            return new IllegalStateException("class generation refused by a test");
        };
    }

    /** Refuses from now until {@link #close()}. */
    public static GenerationRefusal start() {
        return new GenerationRefusal();
    }

    /** How many classes were refused so far. */
    public int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        HiddenClasses.refusal = null;
    }
}
