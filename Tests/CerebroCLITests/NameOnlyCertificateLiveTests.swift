import Foundation
import Testing

/// Field case 9 with its exact input: a server certificate with CN=localhost and the subject
/// alternative name DNS:localhost only, reached as 127.0.0.1 under verify-full.
///
/// The shared fixture's certificate also names 127.0.0.1 and ::1, and other tests use it at
/// the same time, so this test starts a second, private server of its own through
/// `scripts/pg-fixture` with `PG_FIXTURE_SERVER_SAN=DNS:localhost` (some seconds: a PKI, an
/// initdb and a start), and stops it at the end.
@Suite struct NameOnlyCertificateLiveTests {
    let scratch = Scratch()

    @Test func verifyFullByAnAddressTheCertificateDoesNotNameIsRefused() throws {
        try #require(
            ProcessInfo.processInfo.environment["CEREBRO_TEST_PG_PORT"] != nil,
            """
            no test server: run scripts/test (this test starts a second server of its own, \
            with scripts/pg-fixture, only where the shared one runs)
            """
        )
        let server = try PrivateFixture(serverNames: "DNS:localhost")
        for (name, host, level) in [
            ("loop", "127.0.0.1", "full"), ("named", "localhost", "full"),
            ("ca", "127.0.0.1", "ca"),
        ] {
            let added = try run([
                "add", name, "--host", host, "--port", server.port, "--user", "cerebro_user",
                "--ssl", "--verify", level, "--certdir", server.sets + "/good",
            ])
            try #require(added.status == 0, "add \(name): \(added.err)")
        }

        let loop = try run(["test", "-v", "loop"])
        let json = try run(["test", "loop", "--json"])
        let named = try run(["test", "named"])
        let verifyCA = try run(["test", "ca"])

        let port = server.port
        #expect(loop.status == 1)
        #expect(loop.out == "loop: rejected\n")
        #expect(
            LiveSession.lines(loop.err, startingWith: "error:") == [
                "error: loop: the server certificate of 127.0.0.1:\(port) names localhost, not "
                    + "'127.0.0.1'; set --host to one of those names, or ask for a server "
                    + "certificate whose subject alternative names include '127.0.0.1' (or use "
                    + "--verify ca)"
            ]
        )
        #expect(
            loop.err.contains(
                "libpq: connection to server at \"127.0.0.1\", port \(port) failed: server "
                    + "certificate for \"localhost\" (and 1 other name) does not match host name "
                    + "\"127.0.0.1\"\n"
            )
        )
        // No fall-back: the report is of verify-full, and nothing was accepted.
        let object = try #require(try JSONObjects.parse(json.out).first)
        let certificate = try #require(object["server_certificate"] as? [String: Any])
        #expect(json.status == 1)
        #expect(object["sslmode"] as? String == "verify-full")
        #expect(object["status"] as? String == "rejected")
        #expect(certificate["names"] as? [String] == ["localhost"])
        #expect(named.status == 0, "\(named.err)")
        #expect(verifyCA.status == 0, "\(verifyCA.err)")
    }

    func run(_ arguments: [String]) throws -> ToolOutput {
        try ToolHarness.runBinary(arguments, environment: scratch.environment)
    }
}

/// A PostgreSQL server of one test's own, made by `scripts/pg-fixture` and stopped on release.
final class PrivateFixture {
    /// Its port on the loopback addresses.
    let port: String
    /// Its certificate sets, laid out as the shared fixture's (good/, rogue/ and so on).
    let sets: String
    private let folder: String

    /// Starts a server whose certificate has the subject alternative names `serverNames`.
    init(serverNames: String) throws {
        // pg-fixture wants a short path of plain characters that does not exist yet.
        folder = "/tmp/cerebro-fx-" + UUID().uuidString.prefix(8).lowercased()
        var environment = ProcessInfo.processInfo.environment
        environment["PG_FIXTURE_SERVER_SAN"] = serverNames
        let up = try Subprocess.run(
            Repository.root + "/scripts/pg-fixture",
            ["up", folder],
            environment: environment,
            seconds: 180
        )
        guard up.status == 0 else {
            Self.stop(folder)
            throw CommandError(command: "pg-fixture up \(folder)", message: up.error)
        }
        let variables = try Self.variables(in: folder + "/env")
        guard let port = variables["PORT"], let sets = variables["SETS"] else {
            Self.stop(folder)
            throw CommandError(command: "pg-fixture up \(folder)", message: "no PORT/SETS in env")
        }
        self.port = port
        self.sets = sets
    }

    deinit {
        Self.stop(folder)
    }

    private static func stop(_ folder: String) {
        _ = try? Subprocess.run(Repository.root + "/scripts/pg-fixture", ["down", folder])
    }

    /// `export CEREBRO_TEST_PG_NAME=value` lines, by NAME; the values used here need no quotes.
    private static func variables(in file: String) throws -> [String: String] {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var variables: [String: String] = [:]
        let prefix = "export CEREBRO_TEST_PG_"
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) {
            let assignment = line.dropFirst(prefix.count)
            guard let equals = assignment.firstIndex(of: "=") else {
                continue
            }
            let value = assignment[assignment.index(after: equals)...]
            variables[String(assignment[..<equals])] = String(value)
        }
        return variables
    }
}
