import CerebroCLI
import CerebroConn
import Foundation
import Testing

/// The conventions every command follows: usage errors, streams, quiet and verbose, colour.
@Suite
struct ConventionTests {
    /// A command line that does not fit the table, and the command whose usage it shows.
    struct BadLine: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var command: String?
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badLines: [BadLine] = [
        BadLine(arguments: ["frob"], command: nil),
        BadLine(arguments: ["--frob"], command: nil),
        BadLine(arguments: ["list", "--frob"], command: "list"),
        BadLine(arguments: ["show"], command: "show"),
        BadLine(arguments: ["show", "a", "b"], command: "show"),
        BadLine(arguments: ["rename", "a"], command: "rename"),
        BadLine(arguments: ["add", "--verify", "maybe"], command: "add"),
        BadLine(arguments: ["add", "--port"], command: "add"),
        BadLine(arguments: ["list", "--names=yes"], command: "list"),
        BadLine(arguments: ["test", "a", "--all"], command: "test"),
        BadLine(arguments: ["completion"], command: "completion"),
        BadLine(arguments: ["help", "frob"], command: nil),
        BadLine(arguments: ["-x", "list"], command: nil),
    ]

    @Test(arguments: badLines)
    func usageErrorExits64WithOneUsageLineAndAPointerToHelp(line: BadLine) throws {
        let run = ToolRun(line.arguments, environment: ["CEREBRO_CONN_HOME": "/nonexistent"])
        let lines = run.error.split(separator: "\n", omittingEmptySubsequences: false)
        let help = ["cerebro-conn", line.command, "--help"].compactMap { $0 }.joined(separator: " ")

        #expect(run.status == .usage)
        #expect(run.output == "")
        try #require(lines.count == 4, "\(run.error)")
        #expect(lines[0].hasPrefix("error: "))
        #expect(lines[1].hasPrefix("usage: cerebro-conn" + (line.command.map { " " + $0 } ?? " [")))
        #expect(lines[2] == "See '\(help)'.")
        #expect(lines[3] == "")
    }

    @Test
    func versionGoesToStandardOutput() {
        let run = ToolRun(["--version"])

        #expect(run.status == .success)
        #expect(run.output == "cerebro-conn \(CerebroTool.version)\n")
        #expect(run.error == "")
    }

    @Test
    func resultsGoToStandardOutputAndNotesToStandardError() throws {
        let folder = try TemporaryFolder()
        let environment = ["CEREBRO_CONN_HOME": folder.path, "USER": "pipeline"]

        let added = ToolRun(
            ["add", "Prod EU", "--host", "db.example.com"],
            environment: environment
        )
        let listed = ToolRun(["list", "--names"], environment: environment)

        #expect(added.status == .success)
        #expect(added.output == "")
        #expect(
            added.error == "note: saved preset 'Prod EU' in \(folder.path)/presets/Prod EU.json\n"
        )
        #expect(listed.output == "Prod EU\n")
        #expect(listed.error == "")
    }

    @Test
    func quietSilencesNotesButNotErrors() throws {
        let folder = try TemporaryFolder()
        let environment = ["CEREBRO_CONN_HOME": folder.path, "USER": "pipeline"]

        let added = ToolRun(
            ["-q", "add", "dev", "--host", "db.example.com"],
            environment: environment
        )
        let again = ToolRun(
            ["add", "dev", "--host", "db.example.com", "--quiet"],
            environment: environment
        )

        #expect(added.status == .success)
        #expect(added.error == "")
        #expect(again.status == .failure)
        #expect(again.error.hasPrefix("error: "))
    }

    /// A colour setting, the environment and the terminal, and whether errors are coloured.
    struct ColourCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var environment: [String: String]
        var isTerminal: Bool
        var isColoured: Bool
        var testDescription: String {
            "\(arguments) \(environment) terminal: \(isTerminal)"
        }
    }

    static let colourCases: [ColourCase] = [
        ColourCase(
            arguments: [],
            environment: ["TERM": "xterm"],
            isTerminal: true,
            isColoured: true
        ),
        ColourCase(
            arguments: [],
            environment: ["TERM": "xterm"],
            isTerminal: false,
            isColoured: false
        ),
        ColourCase(
            arguments: [],
            environment: ["TERM": "xterm", "NO_COLOR": "1"],
            isTerminal: true,
            isColoured: false
        ),
        // no-color.org: an empty NO_COLOR leaves colour on; any other value turns it off.
        ColourCase(
            arguments: [],
            environment: ["TERM": "xterm", "NO_COLOR": ""],
            isTerminal: true,
            isColoured: true
        ),
        ColourCase(
            arguments: [],
            environment: ["TERM": "xterm", "NO_COLOR": "0"],
            isTerminal: true,
            isColoured: false
        ),
        ColourCase(
            arguments: [],
            environment: ["TERM": "dumb"],
            isTerminal: true,
            isColoured: false
        ),
        ColourCase(
            arguments: ["--color", "always"],
            environment: [:],
            isTerminal: false,
            isColoured: true
        ),
        ColourCase(
            arguments: ["--color=always"],
            environment: ["NO_COLOR": "1"],
            isTerminal: false,
            isColoured: true
        ),
        ColourCase(
            arguments: ["--color", "never"],
            environment: ["TERM": "xterm"],
            isTerminal: true,
            isColoured: false
        ),
    ]

    @Test(arguments: colourCases)
    func colourFollowsTheFlagTheTerminalAndNoColor(colour: ColourCase) {
        var environment = colour.environment
        environment["CEREBRO_CONN_HOME"] = "/nonexistent"
        let run = ToolRun(
            colour.arguments + ["show", "missing"],
            environment: environment,
            isTerminal: colour.isTerminal
        )

        #expect(run.status == .failure)
        #expect(run.error.contains("\u{1B}[") == colour.isColoured, "\(run.error)")
        #expect(run.error.contains("no preset") || run.error.contains("missing"))
    }

    @Test
    func builtBinaryExitsWithTheToolsStatus() throws {
        let tool = try Repository.builtTool()

        let usage = try Subprocess.run(tool, ["frob"])
        let version = try Subprocess.run(tool, ["--version"])

        #expect(usage.status == 64)
        #expect(usage.output == "")
        #expect(usage.error.hasPrefix("error: unknown command 'frob'"))
        #expect(version.status == 0)
        #expect(version.output == "cerebro-conn \(CerebroTool.version)\n")
    }
}
