package dev.ignis.engine.internal.execute;

import org.hibernate.StatelessSession;

/**
 * Where a part of a read runs: the repository call it counts towards, the datasource and the session its statements
 * use (the caller's, in a transaction the transaction's), and the operation they report.
 */
record ReadContext(Observation.Call call, StartedDataSource dataSource, StatelessSession session, String operation) {

    /** The same read on another datasource's session. */
    ReadContext on(StartedDataSource other, StatelessSession otherSession) {
        return new ReadContext(call, other, otherSession, operation);
    }
}
