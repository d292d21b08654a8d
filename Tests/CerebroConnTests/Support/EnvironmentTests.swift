import CerebroConn
import Foundation
import Testing

/// The process environment as `Environment.current` reads it.
@Suite struct EnvironmentTests {
    @Test func currentReadsWhatProcessInfoReads() {
        #expect(Environment.current.variables == ProcessInfo.processInfo.environment)
    }

    /// Every set PG* variable is ignored but the two that carry a password to libpq.
    @Test func ignoredLibpqVariablesAreEveryPGNameButThePasswordOnes() {
        let environment = Environment([
            "PGHOSTADDR": "192.0.2.1",
            "PGSSLMODE": "disable",
            "PGREQUIREAUTH": "password",
            "PGOPTIONS": "",
            "PGPASSWORD": "p",
            "PGPASSFILE": "/p",
            "HOME": "/h",
            "XPGHOST": "x",
        ])

        #expect(
            Set(environment.ignoredLibpqVariables.keys) == [
                "PGHOSTADDR", "PGSSLMODE", "PGREQUIREAUTH",
            ]
        )
        #expect(Environment.isIgnoredLibpqVariable("PGOPTIONS"))
        #expect(!Environment.isIgnoredLibpqVariable("PGPASSWORD"))
        #expect(!Environment.isIgnoredLibpqVariable("PGPASSFILE"))
        #expect(!Environment.isIgnoredLibpqVariable("HOME"))
    }
}
