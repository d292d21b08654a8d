import Foundation
import Testing

@testable import CerebroCLI
@testable import CerebroConn

/// The server's notices reach the report, never libpq's default processor, which would print
/// them on standard error from inside the library.
@Suite struct ServerNoticeLiveTests {
    /// A plan for the fixture's good set with `client_min_messages=debug5`, which makes the
    /// server send DEBUG notices while logging in and answering `SELECT 1`.
    ///
    /// Presets cannot ask for that (PGOPTIONS is removed from the binary's environment), so
    /// the option is added to the plan by hand, as a program using the library could.
    static func chattyPlan(_ session: LiveSession) throws -> ConnectionPlan {
        var plan = try session.directPlan(folder: session.set("good"))
        plan.parameters.append(
            ConnectionParameter(keyword: "options", value: "-c client_min_messages=debug5")
        )
        return plan
    }

    @Test func noticesAreCollectedInTheReport() throws {
        let session = try LiveSession()
        let plan = try Self.chattyPlan(session)

        let report = try ConnectionProbe.run(plan).get()

        #expect(report.serverNotices.contains { $0.hasPrefix("DEBUG:  StartTransaction") })
        #expect(report.serverNotices.contains { $0.hasPrefix("DEBUG:  CommitTransaction") })
        #expect(report.serverNotices.allSatisfy { !$0.hasSuffix("\n") })
        #expect(report.serverNotices.count <= NoticeCollector.limit)
    }

    @Test func noticesArePrintedUnderVerboseAndInJSON() throws {
        let session = try LiveSession()
        let plan = try Self.chattyPlan(session)
        let report = try ConnectionProbe.run(plan).get()
        let result = CheckResult(
            name: "chatty",
            preset: plan.preset,
            plan: plan,
            outcome: .accepted(report)
        )
        let quiet = Self.printed(result, verbosity: 0)
        let verbose = Self.printed(result, verbosity: 1)
        let object = TestReport.object(result)

        #expect(!quiet.err.contains("server: "))
        #expect(verbose.err.contains("  server: DEBUG:  StartTransaction"))
        #expect(object.serverNotices == report.serverNotices)
    }

    /// What `TestReport.print` writes for `result`, as standard output and error.
    static func printed(_ result: CheckResult, verbosity: Int) -> (out: String, err: String) {
        let out = TextBuffer()
        let err = TextBuffer()
        let terminal = Terminal(writeOut: { out.append($0) }, writeErr: { err.append($0) })
        var globals = GlobalOptions()
        globals.verbosity = verbosity
        let context = CommandContext(
            terminal: terminal,
            environment: Environment([:]),
            globals: globals
        )
        TestReport.print(result, context)
        return (out.contents, err.contents)
    }
}
