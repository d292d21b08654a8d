import Foundation
import Testing

/// The SSL PostgreSQL server that `scripts/test` starts, as its environment describes it.
struct ServerFixture {
    /// The server's port on localhost.
    var port: String
    /// The folder of certificate sets: good/, rogue/, expired/, other-user/, ca-only/, good-pg/.
    var sets: String

    /// The fixture from the environment; records a failure that says what to run when it is
    /// missing, so an integration test never passes or skips silently.
    static func fromEnvironment(
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ServerFixture {
        let variables = ProcessInfo.processInfo.environment
        let port = try #require(
            variables["CEREBRO_TEST_PG_PORT"],
            "CEREBRO_TEST_PG_PORT is unset: run scripts/test, which starts the SSL server",
            sourceLocation: sourceLocation
        )
        let sets = try #require(
            variables["CEREBRO_TEST_PG_SETS"],
            "CEREBRO_TEST_PG_SETS is unset: run scripts/test, which starts the SSL server",
            sourceLocation: sourceLocation
        )
        return ServerFixture(port: port, sets: sets)
    }

    /// The `add` arguments of a preset that logs in as `cerebro_user` with certificate set `set`.
    func addArguments(_ name: String, set: String) -> [String] {
        [
            "add", name, "--host", "localhost", "--port", port, "--user", "cerebro_user", "--ssl",
            "--certdir", "\(sets)/\(set)",
        ]
    }
}
