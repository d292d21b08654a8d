import Foundation

/// An interactive program in a pseudo-terminal: a detached tmux session on its own server.
///
/// Each session has its own socket (`tmux -L`), reads no tmux configuration, and is killed
/// with its server when the value is released. Every wait has a deadline.
final class TmuxSession {
    /// The tmux server's socket name.
    let socket: String

    /// The process running in the window, once known.
    private var panePID: pid_t?

    /// The server's socket file, once known.
    private var socketPath: String?

    /// Starts `command` (an argv, run without a shell) in `directory`, in a `width` by 50
    /// window.
    init(command: [String], directory: String, width: Int = 200) throws {
        socket = "cerebro-conn-\(UUID().uuidString)"
        let window = ["-x", String(width), "-y", "50", "-c", directory]
        let result = try tmux(["new-session", "-d", "-s", "main"] + window + command)
        guard result.status == 0 else {
            throw MissingToolError(description: "tmux did not start: \(result.error)")
        }
        let facts = try tmux(["display-message", "-p", "-t", "main", "#{pane_pid} #{socket_path}"])
        let words = facts.output.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: " ", maxSplits: 1)
        panePID = words.first.flatMap { pid_t($0) }
        socketPath = words.count == 2 ? String(words[1]) : nil
    }

    deinit {
        _ = try? tmux(["kill-server"])
        // Wait for the shell to exit: it may still write its history into a folder that is
        // about to be removed.
        let deadline = Date().addingTimeInterval(5)
        while let pid = panePID, kill(pid, 0) == 0, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        // A killed server can leave its socket file behind.
        if let socketPath {
            try? FileManager.default.removeItem(atPath: socketPath)
        }
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        _ = try tmux(["send-keys", "-t", "main", "-l", text])
    }

    /// Presses keys by tmux name, such as `Tab`, `C-c` or `C-l`.
    func press(_ keys: String...) throws {
        _ = try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// The screen line the cursor is on, up to the cursor, with the spaces before it kept.
    func lineBeforeCursor() throws -> String {
        let position = try tmux(["display-message", "-p", "-t", "main", "#{cursor_x} #{cursor_y}"])
        let numbers = position.output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard numbers.count == 2 else {
            return ""
        }
        let screen = try tmux(["capture-pane", "-p", "-t", "main"]).output
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let line = numbers[1] < lines.count ? String(lines[numbers[1]]) : ""
        // capture-pane drops trailing blanks; the cursor column says how many were typed.
        let padded = line + String(repeating: " ", count: max(0, numbers[0] - line.count))
        return String(padded.prefix(numbers[0]))
    }

    /// The whole visible screen, one line per row, without the blanks that end each row.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"]).output
    }

    /// Polls the cursor line until `isDone` accepts it, and then until it has stayed the same
    /// for `settle` seconds; returns the last line seen, accepted or not, at `timeout`.
    func waitForLine(
        timeout: Double = 15,
        settle: Double = 0.3,
        until isDone: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var line = try lineBeforeCursor()
        var stableSince = Date()
        while Date() < deadline {
            if isDone(line), Date().timeIntervalSince(stableSince) >= settle {
                return line
            }
            Thread.sleep(forTimeInterval: 0.05)
            let next = try lineBeforeCursor()
            if next != line {
                line = next
                stableSince = Date()
            }
        }
        return line
    }

    /// Polls the whole screen until `isDone` accepts it, and then until it has stayed the same
    /// for `settle` seconds; returns the last screen seen, accepted or not, at `timeout`.
    func waitForScreen(
        timeout: Double = 15,
        settle: Double = 0.3,
        until isDone: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try self.screen()
        var stableSince = Date()
        while Date() < deadline {
            if isDone(screen), Date().timeIntervalSince(stableSince) >= settle {
                return screen
            }
            Thread.sleep(forTimeInterval: 0.05)
            let next = try self.screen()
            if next != screen {
                screen = next
                stableSince = Date()
            }
        }
        return screen
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> SubprocessResult {
        try Subprocess.run("tmux", ["-L", socket, "-f", "/dev/null"] + arguments, seconds: 10)
    }
}
