import Foundation

/// A POSIX shell in a tmux window, where a person would answer a passphrase prompt.
///
/// The shell starts with only `environment` (plus `TERM` and a `$ ` prompt), and the built
/// tool is `$B` in it.
final class PromptTerminal {
    /// The window.
    let tmux: TmuxSession

    /// Whether these tests can run: tmux is installed, or CI is asking, where it must be.
    static var shouldRun: Bool {
        Subprocess.which("tmux") != nil || Repository.isCI
    }

    /// A shell in `directory` with `environment` and `B` set to the built tool.
    init(environment: [String: String], directory: String) throws {
        var variables = environment
        variables["TERM"] = "xterm"
        variables["PS1"] = Self.shellPrompt
        variables["B"] = try Repository.builtTool()
        let assignments = variables.map { "\($0.key)=\($0.value)" }.sorted()
        tmux = try TmuxSession(
            command: ["/usr/bin/env", "-i"] + assignments + ["/bin/sh"],
            directory: directory
        )
    }

    /// The shell's prompt, whoever runs the tests (root's would be `# `).
    static let shellPrompt = "$ "

    /// Waits for the shell's prompt, then types `line` and presses Enter.
    ///
    /// Typed any earlier, the line would be echoed before the prompt, and its output would
    /// share a line with the prompt.
    func run(_ line: String) throws {
        _ = try tmux.waitForLine { $0 == Self.shellPrompt }
        try tmux.type(line)
        try tmux.press("Enter")
    }

    /// Polls the screen until `isDone` accepts it; returns the last screen seen, accepted or
    /// not, at `timeout`.
    @discardableResult
    func waitForScreen(timeout: Double = 20, until isDone: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try tmux.screen()
        while !isDone(screen), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            screen = try tmux.screen()
        }
        return screen
    }

    /// Polls the screen until it holds `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20) throws -> String {
        try waitForScreen(timeout: timeout) { $0.contains(text) }
    }

    /// The status a command run as `COMMAND; echo "status:$?"` printed, once it has.
    func status(timeout: Double = 20) throws -> Int? {
        let screen = try waitForScreen(timeout: timeout) { Self.status(in: $0) != nil }
        return Self.status(in: screen)
    }

    private static func status(in screen: String) -> Int? {
        // The typed line shows `status:$?`; only the printed one has digits after the colon.
        screen.split(separator: "\n").lazy.compactMap { line -> Int? in
            guard line.hasPrefix("status:") else {
                return nil
            }
            return Int(line.dropFirst("status:".count).trimmingCharacters(in: .whitespaces))
        }.first
    }
}

/// A scratch session with the preset `sec`, whose client key is encrypted with
/// `PassphraseLiveTests.passphrase`, and a shell in a terminal to test it from.
struct EncryptedPresetShell {
    /// The session; it owns the scratch folder, so it lives as long as this value.
    let session: LiveSession
    /// The certificate folder of `sec`.
    let folder: String
    /// The shell.
    let terminal: PromptTerminal

    /// The prompt `test sec` shows, as the screen reads back: capture-pane drops the blank
    /// at its end.
    var prompt: String {
        "passphrase for \(folder)/client.key:"
    }

    init() throws {
        session = try LiveSession()
        folder = try PassphraseLiveTests().encryptedSet(session)
        try session.add("sec", ["--ssl", "--certdir", folder])
        terminal = try PromptTerminal(
            environment: session.scratch.environment,
            directory: session.scratch.path
        )
    }
}
