package dev.ignis.driver.postgres;

import dev.ignis.conformance.CaseSemanticsContract;
import dev.ignis.conformance.ConformanceTestBase;
import dev.ignis.conformance.DatabaseTarget;
import dev.ignis.conformance.DefaultFilterAndHiddenContract;
import dev.ignis.conformance.DialectFeatureContract;
import dev.ignis.conformance.DriverStartContract;
import dev.ignis.conformance.EnricherContract;
import dev.ignis.conformance.ErrorContract;
import dev.ignis.conformance.FilterFuzzContract;
import dev.ignis.conformance.FilterSemanticsContract;
import dev.ignis.conformance.HostileInputBugsContract;
import dev.ignis.conformance.PerParentIncludeContract;
import dev.ignis.conformance.InjectionContract;
import dev.ignis.conformance.OperatorContract;
import dev.ignis.conformance.QueryShapeContract;
import dev.ignis.conformance.QuietLogsContract;
import dev.ignis.conformance.RepositoryContract;
import dev.ignis.conformance.SecretsContract;
import dev.ignis.conformance.TransactionContract;
import dev.ignis.conformance.UpsertContract;
import dev.ignis.conformance.LockContract;
import dev.ignis.conformance.StreamContract;

/**
 * The conformance suite on PostgreSQL (schema ignis_conformance), through the {@code postgres} driver plugin.
 * Skipped when the server is down (the message says how to start it); failed instead when {@code CI=true}.
 */
class PostgresConformanceTest extends ConformanceTestBase implements RepositoryContract, OperatorContract, QueryShapeContract,
        DefaultFilterAndHiddenContract, EnricherContract, TransactionContract, ErrorContract, CaseSemanticsContract,
        DialectFeatureContract, FilterFuzzContract, InjectionContract, SecretsContract, HostileInputBugsContract, QuietLogsContract, PerParentIncludeContract, DriverStartContract, FilterSemanticsContract, UpsertContract, LockContract, StreamContract {

    @Override
    protected DatabaseTarget target() {
        return DatabaseTarget.postgres();
    }
}
