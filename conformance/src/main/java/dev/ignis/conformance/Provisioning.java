package dev.ignis.conformance;

import java.util.Objects;

/**
 * How the conformance suite chooses the server a {@link DatabaseTarget} runs against, in this order:
 * <ol>
 *   <li>{@link Source#CONFIGURED_URL}: a URL set explicitly ({@code IGNIS_PG_URL}, {@code IGNIS_MARIADB_URL},
 *       {@code IGNIS_H2_URL}) is always used; if it does not answer the suite is skipped (failed under {@code CI=true}),
 *       never silently replaced;</li>
 *   <li>{@link Source#LOCAL_SERVER}: otherwise the local server at the default address, if it answers;</li>
 *   <li>{@link Source#TESTCONTAINERS}: otherwise, if a {@link ContainerProvider} is on the class path and a Docker engine
 *       answers, a container started once per JVM;</li>
 *   <li>{@link Source#UNAVAILABLE}: otherwise the suite is skipped on a laptop and fails under {@code CI=true}.</li>
 * </ol>
 * {@link #decide} is the pure rule; {@link #describe} is the line {@link DatabaseTarget#prepare()} logs once per target.
 */
public final class Provisioning {

    /** Where the target's server comes from. */
    public enum Source {
        CONFIGURED_URL, LOCAL_SERVER, TESTCONTAINERS, UNAVAILABLE
    }

    /** The choice and, in words, why it was made. */
    public record Decision(Source source, String reason) {
        public Decision {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private Provisioning() {
    }

    /**
     * The rule. Inputs that cannot change the outcome are ignored (so the caller need not probe them: with a configured
     * URL the local server and Docker are never asked, with a local server Docker is not).
     *
     * @param urlConfigured      whether the target's URL environment variable is set
     * @param localServerAnswers whether the server at the default local address answered
     * @param dockerAvailable    whether a {@link ContainerProvider} is present and reports a Docker engine
     */
    public static Decision decide(boolean urlConfigured, boolean localServerAnswers, boolean dockerAvailable) {
        if (urlConfigured) {
            return new Decision(Source.CONFIGURED_URL, "a URL is configured explicitly, and a configured URL is always used");
        }
        if (localServerAnswers) {
            return new Decision(Source.LOCAL_SERVER, "no URL is configured and the local server answers");
        }
        if (dockerAvailable) {
            return new Decision(Source.TESTCONTAINERS,
                    "no URL is configured, no local server answers, and a Docker engine does");
        }
        return new Decision(Source.UNAVAILABLE,
                "no URL is configured, no local server answers, and no container can be started");
    }

    /**
     * The line logged for a target's choice, e.g. {@code PostgreSQL conformance: using local server at
     * jdbc:postgresql://127.0.0.1:5432/test as postgres (IGNIS_PG_URL not set; the local server answers)}.
     *
     * @param where the server used (the configured, local or container URL and user), or for
     *              {@link Source#UNAVAILABLE} the local address that did not answer
     * @param why   for {@link Source#UNAVAILABLE}, why no container could be started; otherwise ignored
     */
    public static String describe(DatabaseTarget.Kind kind, Decision decision, String where, String why) {
        String label = label(kind) + " conformance: ";
        String urlVariable = urlVariable(kind);
        return switch (decision.source()) {
            case CONFIGURED_URL -> label + "using the configured server at " + where + " (" + urlVariable
                    + " is set; a configured URL is always used)";
            case LOCAL_SERVER -> kind == DatabaseTarget.Kind.H2
                    ? label + "using the in-memory database at " + where + " (" + urlVariable + " not set)"
                    : label + "using local server at " + where + " (" + urlVariable + " not set; the local server answers)";
            case TESTCONTAINERS -> label + "using a Testcontainers " + ContainerProvider.image(kind) + " container at " + where
                    + " (" + urlVariable + " not set; no local server answers; Docker does)";
            case UNAVAILABLE -> label + "no database (" + urlVariable + " not set; no local server at " + where
                    + (kind == DatabaseTarget.Kind.H2 ? "" : "; " + why) + ")";
        };
    }

    /** The database's name as people write it. */
    static String label(DatabaseTarget.Kind kind) {
        return switch (kind) {
            case H2 -> "H2";
            case POSTGRES -> "PostgreSQL";
            case MARIADB -> "MariaDB";
        };
    }

    /** The environment variable that sets the target's URL explicitly. */
    static String urlVariable(DatabaseTarget.Kind kind) {
        return envPrefix(kind) + "URL";
    }

    /** {@code IGNIS_H2_}, {@code IGNIS_PG_} or {@code IGNIS_MARIADB_}, followed by URL, USER or PASSWORD. */
    static String envPrefix(DatabaseTarget.Kind kind) {
        return switch (kind) {
            case H2 -> "IGNIS_H2_";
            case POSTGRES -> "IGNIS_PG_";
            case MARIADB -> "IGNIS_MARIADB_";
        };
    }
}
