import CerebroCLI
import CerebroConn
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A failed write to standard output is reported, and the run does not end as a success; a
/// reader that closed its pipe is not an error worth a message.
struct StandardOutputFailureTests {
    static let message = "error: cannot write to standard output: no space left on device\n"

    /// Runs the built binary with standard output on `/dev/full`.
    static func runIntoFullDisk(
        _ arguments: [String],
        environment: [String: String]
    ) throws -> SubprocessResult {
        try Subprocess.run(
            "/bin/sh",
            ["-c", #"exec "$0" "$@" >/dev/full"#, try Repository.builtTool()] + arguments,
            environment: environment
        )
    }

    @Test(
        arguments: [
            ["list"], ["list", "--json"], ["list", "--names"], ["show", "one"],
            ["completion", "bash"], ["manpage"], ["--version"], ["--help"], ["help", "test"],
        ]
    )
    func fullDiskIsReportedWithStatusOne(arguments: [String]) throws {
        let scratch = Scratch()
        let added = ToolHarness.run(
            ["add", "one", "--host", "localhost"],
            environment: scratch.environment
        )
        #expect(added.status == 0, "\(added.err)")

        let result = try Self.runIntoFullDisk(arguments, environment: scratch.environment)

        #expect(result.status == 1)
        #expect(result.error == Self.message)
    }

    @Test func anAcceptedTestThatCannotPrintIsNotASuccess() throws {
        let session = try LiveSession()
        try session.add("good", ["--ssl", "--certdir", session.set("good")])

        let result = try Self.runIntoFullDisk(
            ["test", "good"],
            environment: session.scratch.environment
        )

        #expect(result.status == 1)
        #expect(result.error == Self.message)
    }

    @Test func aWorseTestStatusIsKept() throws {
        let scratch = Scratch()
        let added = ToolHarness.run(
            ["add", "broken", "--host", "localhost", "--ssl", "--certdir", scratch.path + "/none"],
            environment: scratch.environment
        )
        #expect(added.status == 0, "\(added.err)")

        let result = try Self.runIntoFullDisk(["test", "broken"], environment: scratch.environment)

        #expect(result.status == 3)
        #expect(result.error.hasSuffix("\n" + Self.message))
    }

    /// With SIGPIPE at its default the tool dies of it, as `cat` does; where the parent
    /// ignores it, the write fails with EPIPE, and the tool ends quietly with status 1.
    @Test(arguments: [false, true])
    func closedPipeEndsQuietly(ignoresSignal: Bool) throws {
        let script =
            (ignoresSignal ? "trap '' PIPE; " : "")
            + #"(sleep 0.3; exec "$0" manpage) | true; echo "status ${PIPESTATUS[0]}" >&2"#

        let result = try Subprocess.run(
            "/bin/bash",
            ["-c", script, try Repository.builtTool()],
            environment: Scratch().environment
        )

        #expect(result.error == "status \(ignoresSignal ? 1 : 128 + SIGPIPE)\n")
    }

    @Test func inProcessRunsReportTheReasonTheirTerminalGives() {
        let err = TextBuffer()
        let terminal = Terminal(
            writeOut: { _ in },
            writeErr: { err.append($0) },
            outputFailure: { EIO }
        )

        let status = CerebroTool.run(arguments: ["--version"], terminal: terminal)

        #expect(status == .failure)
        #expect(err.contents == "error: cannot write to standard output: input/output error\n")
    }
}
