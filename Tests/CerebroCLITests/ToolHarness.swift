import CerebroCLI
import CerebroConn
import Foundation
import Synchronization

/// What one run of the tool produced.
struct ToolOutput {
    var status: Int32
    var out: String
    var err: String
}

/// Collects text written from any thread.
final class TextBuffer: Sendable {
    private let text = Mutex("")

    func append(_ more: String) {
        text.withLock { $0 += more }
    }

    var contents: String {
        text.withLock { $0 }
    }
}

/// Runs the tool in-process over in-memory streams, with an explicit environment.
enum ToolHarness {
    static func run(
        _ arguments: [String],
        environment: [String: String],
        input: [String] = [],
        inputIsTerminal: Bool = false
    ) -> ToolOutput {
        let out = TextBuffer()
        let err = TextBuffer()
        let answers = Mutex(input)
        let terminal = Terminal(
            writeOut: { out.append($0) },
            writeErr: { err.append($0) },
            readLine: { prompt, _ in
                err.append(prompt)
                return answers.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            },
            inputIsTerminal: inputIsTerminal
        )
        let status = CerebroTool.run(
            arguments: arguments,
            terminal: terminal,
            environment: Environment(environment)
        )
        return ToolOutput(status: status.rawValue, out: out.contents, err: err.contents)
    }

    /// The built `cerebro-conn` binary: `$CEREBRO_CONN_BINARY`, else next to this package's build.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["CEREBRO_CONN_BINARY"] {
            return path
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/cerebro-conn").path
    }

    /// Runs the built binary as a child process, in a session of its own.
    ///
    /// Foundation's `Process` keeps the test runner's controlling terminal, and `test` asks
    /// for passphrases on it: run from a terminal, a test of "no terminal" would wait there.
    /// `setsid` leaves the child without one, as under CI.
    static func runBinary(
        _ arguments: [String],
        environment: [String: String]
    ) throws -> ToolOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["--wait", binary] + arguments
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolOutput(
            status: process.terminationStatus,
            out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self)
        )
    }
}

/// A unique folder removed when released.
final class Scratch {
    let path: String

    init() {
        path =
            FileManager.default.temporaryDirectory.path + "/cerebro-cli-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// An environment whose home, configuration and install folders are all inside this one.
    var environment: [String: String] {
        [
            "HOME": path + "/home",
            "CEREBRO_CONN_HOME": path + "/config",
            "CEREBRO_HOME": path + "/install",
            "USER": "tester",
            "PATH": "/usr/bin:/bin",
        ]
    }
}
