import CerebroCLI
import Foundation
import Testing

/// Help, version and usage-error output, compared with golden files.
///
/// Each folder in `Golden/` holds `arguments.txt` (one argument per line), and the expected
/// `stdout.txt`, `stderr.txt` and `status.txt`. Set `CEREBRO_CONN_RECORD_GOLDEN=1` to
/// rewrite the expected files from the current output, then review the diff.
@Suite
struct HelpTextTests {
    @Test(arguments: GoldenCase.all)
    func outputMatchesTheGoldenFiles(golden: GoldenCase) throws {
        let run = ToolRun(try golden.arguments())

        if ProcessInfo.processInfo.environment["CEREBRO_CONN_RECORD_GOLDEN"] == "1" {
            try golden.record(run)
        }
        #expect(run.output == (try golden.expected("stdout.txt")))
        #expect(run.error == (try golden.expected("stderr.txt")))
        #expect("\(run.status.rawValue)\n" == (try golden.expected("status.txt")))
    }

    @Test
    func everyLineOfEveryHelpFitsEightyColumnsButUsageLines() {
        for command in [nil] + CerebroTool.commands.map(\.name) {
            let run = ToolRun(command.map { ["help", $0] } ?? ["help"])
            let lines = run.output.split(separator: "\n").filter { !$0.hasPrefix("usage: ") }
            let long = lines.filter { $0.count > 80 }
            #expect(long.isEmpty, "\(command ?? "tool"): \(long)")
        }
    }

    @Test
    func everyCommandHasHelpBothWaysAndTheyAgree() {
        for command in CerebroTool.commands.map(\.name) {
            let long = ToolRun([command, "--help"])
            let short = ToolRun([command, "-h"])
            let named = ToolRun(["help", command])

            #expect(long.status == .success)
            #expect(long.output.contains("usage: cerebro-conn \(command)"))
            #expect(long.error == "")
            #expect(short.output == long.output)
            #expect(named.output == long.output)
        }
    }
}

/// One folder of golden files.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    /// The folder's name.
    var name: String

    /// Every folder under `Tests/CerebroCLITests/Golden`, sorted.
    static let all: [GoldenCase] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map(GoldenCase.init)
    }()

    private static let folder = Repository.root + "/Tests/CerebroCLITests/Golden"

    var testDescription: String { name }

    /// The command line, one argument per line.
    func arguments() throws -> [String] {
        let text = try expected("arguments.txt")
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .map(String.init)
    }

    /// The content of one expected file.
    func expected(_ file: String) throws -> String {
        try String(contentsOfFile: "\(Self.folder)/\(name)/\(file)", encoding: .utf8)
    }

    /// Rewrites the expected files from `run`.
    func record(_ run: ToolRun) throws {
        let files = [
            "stdout.txt": run.output, "stderr.txt": run.error,
            "status.txt": "\(run.status.rawValue)\n",
        ]
        for (file, text) in files {
            try text.write(
                toFile: "\(Self.folder)/\(name)/\(file)",
                atomically: true,
                encoding: .utf8
            )
        }
    }
}
