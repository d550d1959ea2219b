package dev.ignis.resilience.support;

import dev.ignis.api.filter.Filter;
import dev.ignis.api.repository.CrudRepository;
import dev.ignis.resilience.model.Account;

import java.time.Duration;
import java.util.List;

/**
 * SIGKILL of one read replica while readers run: how many reads there were, which failed, how many statements failed
 * on the dead replica (and ran again elsewhere), and how soon reads reached it again after its restart.
 */
public final class ReplicaKill {
    /** What happened; {@code readsWhileDown}: reads that started after the kill and ended before the restart. */
    public record Outcome(int reads, List<CallLog.Call> failed, long failedStatements, long readsWhileDown, long backMillis) {
    }

    private ReplicaKill() {
    }

    /**
     * Runs {@code readers} threads of finds on {@code accounts}; after {@code before} reads kills {@code replica}
     * (served by pool {@code pool}), after {@code after} more restarts it, and waits until a read succeeds on it again.
     */
    public static Outcome underLoad(CrudRepository<Account, String> accounts, StatementEvents events, PrivateServer replica, String pool,
                                    int readers, int before, int after) {
        CallLog log = new CallLog();
        try (Workers workers = new Workers("replica-kill")) {
            for (int w = 0; w < readers; w++) {
                workers.start("r" + w, (worker, i) -> log.record("Killed", worker, "find",
                        () -> accounts.find(Filter.where("kind", "plain").limit(5))));
            }
            Wait.until(Duration.ofSeconds(20), before + " reads before the fault", () -> log.count(CallLog.Call::ok) >= before);
            long killAt = System.nanoTime();
            replica.kill();
            Wait.until(Duration.ofSeconds(20), after + " reads after the kill", () -> log.count(c -> c.startedAfter(killAt)) >= after);
            long failedStatements = events.failedStatements();
            long restartAt = System.nanoTime();
            replica.start();
            events.clear();
            Wait.until(Duration.ofSeconds(30), "reads reach the restarted replica",
                    () -> !events.statements(e -> e.pool().equals(pool) && e.succeeded()).isEmpty());
            long backAt = System.nanoTime();
            workers.stop(Duration.ofSeconds(10));
            return new Outcome(log.all().size(), log.where(c -> !c.ok()), failedStatements,
                    log.count(c -> c.startedAfter(killAt) && c.endNanos() < restartAt), (backAt - restartAt) / 1_000_000);
        }
    }
}
