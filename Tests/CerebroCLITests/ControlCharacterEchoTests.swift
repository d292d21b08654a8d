import Foundation
import Testing

@testable import CerebroCLI

/// Every command that echoes a value back, in an error or a result, replaces the control
/// characters in it; only the tool's own colours reach the terminal as escape sequences.
struct ControlCharacterEchoTests {
    /// A preset name that would turn the rest of a terminal line red.
    static let name = "x\u{1B}[31mred"

    struct EchoCase: Sendable, CustomTestStringConvertible {
        var label: String
        var arguments: [String]
        /// What the output must contain: the value with its ESC replaced.
        var echoed: String
        var testDescription: String { label }
    }

    static let cases: [EchoCase] = [
        EchoCase(label: "show", arguments: ["show", name], echoed: "'x\u{FFFD}[31mred'"),
        EchoCase(label: "test", arguments: ["test", name], echoed: "'x\u{FFFD}[31mred'"),
        EchoCase(label: "certs", arguments: ["certs", name], echoed: "'x\u{FFFD}[31mred'"),
        EchoCase(
            label: "edit",
            arguments: ["edit", name, "--port", "1"],
            echoed: "'x\u{FFFD}[31mred'"
        ),
        EchoCase(label: "remove", arguments: ["remove", name], echoed: "'x\u{FFFD}[31mred'"),
        EchoCase(label: "rename", arguments: ["rename", name, "y"], echoed: "'x\u{FFFD}[31mred'"),
        EchoCase(label: "help", arguments: ["help", name], echoed: "'x\u{FFFD}[31mred'"),
        EchoCase(
            label: "completion",
            arguments: ["completion", name],
            echoed: "'x\u{FFFD}[31mred'"
        ),
        EchoCase(label: "unknown command", arguments: [name], echoed: "'x\u{FFFD}[31mred'"),
        EchoCase(
            label: "add",
            arguments: ["add", name, "--host", "h"],
            echoed: "'x\u{FFFD}[31mred'"
        ),
        EchoCase(
            label: "add --host",
            arguments: ["add", "ok", "--host", "h\u{1B}[31m"],
            echoed: "'h\u{FFFD}[31m'"
        ),
        EchoCase(
            label: "add --db",
            arguments: ["add", "ok", "--host", "h", "--db", "d\u{1B}[31m"],
            echoed: "'d\u{FFFD}[31m'"
        ),
        EchoCase(
            label: "add --user",
            arguments: ["add", "ok", "--host", "h", "--user", "u\u{1B}]0;title\u{07}"],
            echoed: "'u\u{FFFD}]0;title\u{FFFD}'"
        ),
    ]

    @Test(arguments: cases)
    func echoedValuesCarryNoEscape(echo: EchoCase) {
        let scratch = Scratch()

        let run = ToolRun(
            ["--color", "always"] + echo.arguments,
            environment: scratch.environment,
            isTerminal: true
        )

        let output = run.output + run.error
        #expect(output.contains(echo.echoed), "\(output)")
        #expect(Self.foreignEscapes(in: output) == [], "\(output)")
    }

    @Test func damagedPresetFileNamesAreEchoedSafely() throws {
        let scratch = Scratch()
        let presets = scratch.path + "/config/presets"
        try FileManager.default.createDirectory(atPath: presets, withIntermediateDirectories: true)
        try Data("{".utf8).write(to: URL(fileURLWithPath: presets + "/\(Self.name).json"))

        let run = ToolRun(["--color", "always", "list"], environment: scratch.environment)

        #expect(run.error.contains("'x\u{FFFD}[31mred'"), "\(run.error)")
        #expect(Self.foreignEscapes(in: run.output + run.error) == [])
    }

    @Test func builtBinaryReplacesThemToo() throws {
        let scratch = Scratch()

        let result = try ToolHarness.runBinary(
            ["show", Self.name],
            environment: scratch.environment
        )

        #expect(result.status == 64)
        #expect(result.err.hasPrefix("error: invalid value 'x\u{FFFD}[31mred': a name cannot"))
        #expect(!result.err.contains("\u{1B}"))
    }

    /// Every escape sequence in `text` that is not one of the tool's own: its colours and the
    /// progress line's erase.
    static func foreignEscapes(in text: String) -> [String] {
        let colours = ["31", "32", "33", "36"].flatMap { ["\u{1B}[\($0)m", "\u{1B}[1;\($0)m"] }
        let own = ["\r\u{1B}[K", "\u{1B}[0m"] + colours
        let stripped = own.reduce(text) { $0.replacing($1, with: "") }
        return stripped.split(separator: "\u{1B}", omittingEmptySubsequences: false).dropFirst()
            .map { String($0.prefix(8)) }
    }
}
