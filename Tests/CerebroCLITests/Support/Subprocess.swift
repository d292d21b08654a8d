import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a finished program left behind.
struct SubprocessResult {
    /// The exit status; 124 when the time limit ended it, 128 + N for signal N.
    var status: Int32
    /// Its standard output.
    var output: String
    /// Its standard error.
    var error: String
}

/// Runs programs for the end-to-end tests, each bounded in time.
///
/// Foundation's `Process` is not used: on Linux it learns that a child ended when every copy
/// of a socket it hands the child is closed, and a program that leaves a daemon behind (the
/// tmux server) keeps a copy open, so `waitUntilExit` never returns. `posix_spawn` and
/// `waitpid` wait for the child alone.
enum Subprocess {
    /// Runs `program` (a path, or a name looked up in `PATH`) with `arguments`.
    ///
    /// The program runs under `timeout`, so a hung shell or tmux fails the test instead of
    /// stalling the run. Output goes through files, so neither stream can fill a pipe.
    static func run(
        _ program: String,
        _ arguments: [String] = [],
        in directory: String? = nil,
        environment: [String: String]? = nil,
        seconds: Int = 30
    ) throws -> SubprocessResult {
        let scratch = try TemporaryFolder()
        let outputPath = scratch.path + "/stdout"
        let errorPath = scratch.path + "/stderr"
        let chdir = directory.map { ["/usr/bin/env", "-C", $0] } ?? []
        let argv =
            chdir + ["/usr/bin/timeout", "--kill-after=5", String(seconds), program] + arguments
        let variables = environment ?? ProcessInfo.processInfo.environment

        let status = try spawnAndWait(argv, variables, output: outputPath, error: errorPath)
        return SubprocessResult(
            status: status,
            output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            error: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        )
    }

    /// The full path of `program` in `PATH`, or `nil` when it is not installed.
    static func which(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    // MARK: - posix_spawn

    private static func spawnAndWait(
        _ argv: [String],
        _ variables: [String: String],
        output: String,
        error: String
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let arguments = argv.map { strdup($0) } + [nil]
        let environment = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (arguments + environment).forEach { free($0) } }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        resetSignals(&attributes)

        var pid = pid_t()
        let result = posix_spawn(&pid, argv[0], &actions, &attributes, arguments, environment)
        guard result == 0 else {
            throw MissingToolError(
                description: "cannot start \(argv[0]): \(String(cString: strerror(result)))"
            )
        }
        return waitForExit(pid)
    }

    /// Gives the child an empty signal mask and default handlers.
    ///
    /// Tests run on threads that block signals, and a shell started with SIGINT blocked
    /// ignores Ctrl-C.
    private static func resetSignals(_ attributes: inout posix_spawnattr_t) {
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)

        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGCHLD, SIGHUP] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    }

    private static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// A folder under the system's temporary folder, removed when the value is released.
final class TemporaryFolder {
    /// The folder's absolute path.
    let path: String

    /// Creates a fresh, empty folder.
    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/cerebro-conn-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
