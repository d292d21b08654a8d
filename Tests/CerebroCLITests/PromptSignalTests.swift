import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Whatever interrupts the passphrase prompt, the terminal gets its echo back: the field
/// report's recipe (an encrypted-key preset, Ctrl-C at the prompt, then `stty -a`), with a
/// real terminal through tmux.
@Suite(.enabled(if: PromptTerminal.shouldRun), .timeLimit(.minutes(2)))
struct PromptSignalTests {
    /// One way to interrupt the prompt.
    struct Interruption: Sendable, CustomTestStringConvertible {
        var label: String
        /// The key pressed at the prompt, or nil to send `signal` with kill(2).
        var key: String?
        var signal: Int32
        var testDescription: String { label }
    }

    static let interruptions = [
        Interruption(label: "Ctrl-C", key: "C-c", signal: SIGINT),
        Interruption(label: "SIGTERM", key: nil, signal: SIGTERM),
        Interruption(label: "SIGHUP", key: nil, signal: SIGHUP),
    ]

    /// Prints `echo-state:echo` or `echo-state:-echo`, as `stty -a` reports the terminal.
    static let echoState =
        #"echo "echo-state:$(stty -a | tr ' ;' '\n\n' | grep -x -e echo -e -echo)""#

    @Test(arguments: interruptions)
    func echoComesBackWhenThePromptIsInterrupted(interruption: Interruption) throws {
        let shell = try EncryptedPresetShell()
        let terminal = shell.terminal
        let pidFile = shell.session.path("pid")
        try terminal.run(Self.echoState)
        let before = try terminal.waitForScreen { !Self.echoStates(in: $0).isEmpty }
        #expect(Self.echoStates(in: before) == ["echo"], "\(before)")

        try terminal.run(#"sh -c 'echo $$ > "$0"; exec "$B" test sec' "\#(pidFile)""#)
        try terminal.waitFor(shell.prompt)
        let text = try String(contentsOfFile: pidFile, encoding: .utf8)
        let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        if let key = interruption.key {
            try terminal.tmux.press(key)
        } else {
            #expect(kill(pid, interruption.signal) == 0)
        }
        // Type nothing before the tool is gone: its last act, the flush, would eat it.
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }

        // The tool ended by the signal itself, as the shell reports it: 128 + its number.
        // (A shell drops the rest of a command list after Ctrl-C, so $? is asked apart.)
        try terminal.run(#"echo "status:$?""#)
        #expect(try terminal.status() == 128 + Int(interruption.signal))
        try terminal.run(Self.echoState)
        let screen = try terminal.waitForScreen { Self.echoStates(in: $0).count == 2 }
        #expect(Self.echoStates(in: screen) == ["echo", "echo"], "\(screen)")
    }

    /// Ctrl-Z gives the terminal back with echo while the tool is stopped; `fg` takes echo
    /// away again and asks anew, and the answer is still not shown.
    @Test func ctrlZGivesEchoBackUntilTheToolIsContinued() throws {
        let shell = try EncryptedPresetShell()
        let terminal = shell.terminal

        try terminal.run(#""$B" test sec"#)
        try terminal.waitFor(shell.prompt)
        try terminal.tmux.press("C-z")
        try terminal.waitFor("Stopped")
        try terminal.run(Self.echoState)
        let stopped = try terminal.waitForScreen { !Self.echoStates(in: $0).isEmpty }
        try terminal.run("fg")
        try terminal.waitForScreen { $0.components(separatedBy: shell.prompt).count == 3 }
        try terminal.tmux.type(PassphraseLiveTests.passphrase)
        try terminal.tmux.press("Enter")
        let screen = try terminal.waitFor("sec: accepted")

        #expect(Self.echoStates(in: stopped) == ["echo"], "\(stopped)")
        #expect(screen.contains(shell.prompt + "\nsec: accepted\n"), "\(screen)")
        #expect(!screen.contains(PassphraseLiveTests.passphrase), "\(screen)")
    }

    /// Every echo state printed on `screen`, in order.
    static func echoStates(in screen: String) -> [String] {
        screen.split(separator: "\n").filter { $0.hasPrefix("echo-state:") }
            .map { String($0.dropFirst("echo-state:".count)) }
    }
}
