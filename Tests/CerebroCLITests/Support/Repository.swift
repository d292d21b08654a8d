import Foundation

/// Places in the repository and the build the tests use.
enum Repository {
    /// The repository's root folder, found from this file's own path.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    /// The `cerebro-conn` binary that `swift build` or `swift test` built, beside the tests.
    ///
    /// `CEREBRO_CONN_BINARY` overrides it; otherwise the folder of the running test bundle,
    /// then `swift build --show-bin-path`, are tried.
    static func builtTool() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["CEREBRO_CONN_BINARY"] {
            return explicit
        }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = bundle.appendingPathComponent("cerebro-conn").path
        if FileManager.default.isExecutableFile(atPath: beside) {
            return beside
        }
        let result = try Subprocess.run("swift", ["build", "--show-bin-path"], in: root)
        let folder = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let candidate = folder + "/cerebro-conn"
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            throw MissingToolError(description: "no cerebro-conn binary; run 'swift build' first")
        }
        return candidate
    }

    /// Whether the run is CI's, where a missing shell or tmux is a failure rather than a skip.
    static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }
}

/// A program a test needs is not there.
struct MissingToolError: Error, CustomStringConvertible {
    /// What is missing and how to get it.
    var description: String
}
