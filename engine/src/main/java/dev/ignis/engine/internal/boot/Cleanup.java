package dev.ignis.engine.internal.boot;

/**
 * Clean-up steps that must all run even when some of them fail. The first failure is kept (or the one already in
 * flight, given to the constructor) and every later one is suppressed onto it, so a failing close never replaces
 * the error that made the clean-up necessary.
 */
public final class Cleanup {
    private Throwable failure;

    /** Nothing has failed yet. */
    public Cleanup() {
    }

    /** Cleaning up after {@code inFlight}, which is thrown afterwards: clean-up failures are suppressed onto it. */
    public Cleanup(Throwable inFlight) {
        this.failure = inFlight;
    }

    /** Runs one step; a failure is recorded, not thrown. */
    public void run(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            add(e);
        }
    }

    /** Records a failure that happened elsewhere. */
    public void add(Throwable e) {
        if (failure == null) {
            failure = e;
        } else if (failure != e) {
            failure.addSuppressed(e);
        }
    }

    /** Throws the first failure, if any step failed (or one was in flight). */
    public void throwIfFailed() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
