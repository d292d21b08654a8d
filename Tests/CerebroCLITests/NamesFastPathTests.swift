import CerebroConn
import Foundation
import Testing

@testable import CerebroCLI

/// `list --names` answered before the tool is set up prints exactly what the normal path
/// prints, and takes only the command lines it should.
@Suite
struct NamesFastPathTests {
    /// A command line, whether the shortcut takes it, and the `--config` value it reads.
    struct Line: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var isTaken: Bool
        var directory: String?
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let lines: [Line] = [
        Line(arguments: ["list", "--names"], isTaken: true),
        Line(arguments: ["--config", "/c d", "list", "--names"], isTaken: true, directory: "/c d"),
        Line(arguments: ["--config=~/x", "list", "--names"], isTaken: true, directory: "~/x"),
        Line(arguments: ["list", "--names", "--json"], isTaken: false),
        Line(arguments: ["list", "--names", "-q"], isTaken: false),
        Line(arguments: ["-q", "list", "--names"], isTaken: false),
        Line(arguments: ["list"], isTaken: false),
        Line(arguments: ["--names", "list"], isTaken: false),
        Line(arguments: ["--config", "list", "--names"], isTaken: false),
        Line(arguments: ["--color=never", "list", "--names"], isTaken: false),
        Line(arguments: ["test", "--all"], isTaken: false),
    ]

    @Test(arguments: lines)
    func takesOnlyNamesOnlyCommandLines(line: Line) {
        let request = NamesFastPath.Request(line.arguments)

        #expect((request != nil) == line.isTaken)
        #expect(request?.configurationDirectory == line.directory)
    }

    @Test
    func printsWhatTheNormalPathPrints() throws {
        let folder = try TemporaryFolder()
        let names = ["dev", "prod:eu", "Prod EU", "it's", "a&b", "x$y", "*", "é-studio"]
        let store = PresetStore(configurationDirectory: folder.path + "/config")
        for name in names {
            try store.create(Preset(name: name, host: "db.example.com", user: "pipeline"))
        }
        // Files the listing must skip: hidden, not JSON, and a name no line can carry.
        for file in [".hidden.json", "notes.txt", "two\nlines.json"] {
            try Data("{}".utf8).write(to: URL(fileURLWithPath: store.directory + "/" + file))
        }

        // XDG_CONFIG_HOME/cerebro-conn is the same folder, through a link.
        try FileManager.default.createDirectory(
            atPath: folder.path + "/xdg",
            withIntermediateDirectories: true
        )
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/xdg/cerebro-conn",
            withDestinationPath: folder.path + "/config"
        )

        let expected = names.sorted().map { $0 + "\n" }.joined()
        for (arguments, environment) in invocations(folder.path) {
            let fast = try Subprocess.run(
                try Repository.builtTool(),
                arguments,
                environment: environment
            )
            let normal = try Subprocess.run(
                try Repository.builtTool(),
                arguments + ["-q"],
                environment: environment
            )

            #expect(fast.output == expected, "\(arguments) \(environment)")
            #expect(fast.status == 0)
            #expect(fast.error == "")
            #expect(normal.output == fast.output)
            #expect(normal.status == fast.status)
        }
    }

    /// The ways of naming the same configuration folder `root/config`.
    private func invocations(_ root: String) -> [([String], [String: String])] {
        let home = ["HOME": root + "/home"]
        return [
            (["--config", root + "/config", "list", "--names"], home),
            (["--config=" + root + "/config", "list", "--names"], home),
            (["list", "--names"], home.merging(["CEREBRO_CONN_HOME": root + "/config"]) { $1 }),
            (["list", "--names"], ["HOME": root + "/home", "XDG_CONFIG_HOME": root + "/xdg"]),
            (["--config", "~/../config", "list", "--names"], home),
        ]
    }

    @Test
    func missingFolderListsNothing() throws {
        let folder = try TemporaryFolder()
        let arguments = ["--config", folder.path + "/none", "list", "--names"]

        let fast = try Subprocess.run(try Repository.builtTool(), arguments)

        #expect(fast.status == 0)
        #expect(fast.output == "")
        #expect(fast.error == "")
    }

    @Test
    func unreadableFolderIsReportedByTheNormalPath() throws {
        let folder = try TemporaryFolder()
        // A file where the presets folder should be: opendir fails with ENOTDIR.
        try Data().write(to: URL(fileURLWithPath: folder.path + "/presets"))

        let run = try Subprocess.run(
            try Repository.builtTool(),
            ["--config", folder.path, "list", "--names"]
        )

        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.error.hasPrefix("error: "))
        #expect(run.error.contains(folder.path + "/presets"))
    }
}
