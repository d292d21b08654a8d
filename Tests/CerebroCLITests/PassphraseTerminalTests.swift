import Foundation
import Testing

/// Field case 6 (a) on a real terminal: the built binary, run in a tmux pseudo-terminal, asks
/// once for an encrypted key's passphrase, the typed answer never shows on the screen, the
/// terminal echoes again afterwards, and OpenSSL never prompts by itself.
///
/// The in-process tests in `PassphraseLiveTests` fake the terminal, so they cannot see echo.
/// The limit leaves room for the run's own waits (30 s for the prompt, 60 s for the exit) to
/// end first and show the screen.
@Suite(.timeLimit(.minutes(3)))
struct PassphraseTerminalTests {
    /// What is typed at the prompt: it must never appear on the screen.
    static let passphrase = "Sentinel-Typed-Passphrase-5e07"

    /// The start of the prompt OpenSSL shows when it asks on the terminal itself.
    static let opensslPrompt = "Enter PEM pass phrase"

    /// Whether tmux is there, or CI is asking, where a missing tmux fails.
    static var shouldRun: Bool {
        Subprocess.which("tmux") != nil || Repository.isCI
    }

    /// A wrong answer is found before libpq is called, so this needs no server: the set is
    /// signed by a CA made here.
    @Test(.enabled(if: shouldRun))
    func wrongPassphraseIsTypedUnseenAndStopsWithStatus3() throws {
        let scratch = Scratch()
        let folder = scratch.path + "/sec"
        let signing = scratch.path + "/signing"
        let authority = try FixtureAuthority(
            folder: signing,
            certificate: signing + "/ca.crt",
            key: signing + "/ca.key"
        )
        try authority.makeKey(signing + "/ca.key")
        try authority.selfSign(
            signing + "/ca.crt",
            key: signing + "/ca.key",
            subject: "/CN=Passphrase Test CA",
            validity: FixtureAuthority.window(fromDays: -1, toDays: 365)
        )
        try Self.makeEncryptedSet(in: folder, authority: authority)
        // Nothing listens on port 1: if the tool ever went on to connect, the status would be 2.
        let added = try ToolHarness.runBinary(
            ["add", "sec", "--host", "localhost", "--port", "1", "--ssl", "--certdir", folder],
            environment: scratch.environment
        )
        try #require(added.status == 0, "add: \(added.err)")

        let run = try TypedPassphraseRun(
            ["test", "sec"],
            environment: scratch.environment,
            directory: scratch.path,
            prompt: "passphrase for \(folder)/client.key: ",
            typing: "not-" + Self.passphrase
        )

        #expect(
            run.rows == [
                "passphrase for \(folder)/client.key:",
                "sec: not attempted",
                "error: sec: could not decrypt client.key (wrong passphrase?) (in \(folder)); "
                    + "check the passphrase",
                "exit status 3, echo on",
            ],
            "screen:\n\(run.screen)"
        )
        #expect(!run.screen.contains(Self.passphrase))
        #expect(!run.screen.contains(Self.opensslPrompt))
    }

    /// The right answer reaches libpq as `sslpassword` and the connection is made.
    @Test(.enabled(if: shouldRun))
    func rightPassphraseIsTypedUnseenAndConnects() throws {
        let session = try LiveSession()
        let folder = session.path("sec")
        try Self.makeEncryptedSet(in: folder, authority: try session.authority())
        try session.add("sec", ["--ssl", "--certdir", folder])

        let run = try TypedPassphraseRun(
            ["test", "sec"],
            environment: session.scratch.environment,
            directory: session.scratch.path,
            prompt: "passphrase for \(folder)/client.key: ",
            typing: Self.passphrase
        )

        let rows = run.rows
        let context: Comment = "screen:\n\(run.screen)"
        #expect(rows.first == "passphrase for \(folder)/client.key:", context)
        #expect(rows.dropFirst().first == "sec: accepted", context)
        let client = "  client    \(folder)/client.crt presented "
        #expect(rows.contains { $0.hasPrefix(client) }, context)
        #expect(rows.last == "exit status 0, echo on", context)
        #expect(rows.filter { $0.contains("passphrase for") }.count == 1, context)
        #expect(!run.screen.contains(Self.passphrase))
        #expect(!run.screen.contains(Self.opensslPrompt))
    }

    /// Makes `client.crt`, `client.key` and `ca.crt` in `folder` with `authority`, then
    /// encrypts the key (PKCS#8, AES-256) with `passphrase`, keeping it at mode 0600.
    static func makeEncryptedSet(in folder: String, authority: FixtureAuthority) throws {
        try authority.makeSet(in: folder)
        try authority.openssl([
            "pkey", "-in", folder + "/client.key", "-aes256", "-passout", "pass:" + passphrase,
            "-out", folder + "/client.enc",
        ])
        try FileManager.default.removeItem(atPath: folder + "/client.key")
        try FileManager.default.moveItem(
            atPath: folder + "/client.enc",
            toPath: folder + "/client.key"
        )
        try authority.setMode(0o600, folder + "/client.key")
    }
}

/// The built binary run on a tmux terminal, its passphrase prompt answered by typing.
///
/// A plain `sh` starts the tool and, once it has exited, prints its status and whether the
/// terminal echoes, then waits, so that the screen stays readable.
struct TypedPassphraseRun {
    /// The screen once the status line was shown.
    var screen: String

    /// The screen's rows that hold text.
    var rows: [String] {
        screen.split(separator: "\n").map(String.init)
    }

    /// Runs `cerebro-conn ARGUMENTS` with only `environment` (plus a terminal type), waits for
    /// the cursor to stand after `prompt`, types `answer` and Enter, and waits for the tool to
    /// exit.
    init(
        _ arguments: [String],
        environment: [String: String],
        directory: String,
        prompt: String,
        typing answer: String
    ) throws {
        let script = """
            "$0" "$@"
            status=$?
            if stty -a | tr ' ;' '\\n\\n' | grep -qx -- -echo; then echo=off; else echo=on; fi
            printf 'exit status %s, echo %s\\n' "$status" "$echo"
            exec sleep 600
            """
        let variables = environment.merging(["TERM": "xterm-256color", "LANG": "C.UTF-8"]) { $1 }
            .map { "\($0.key)=\($0.value)" }.sorted()
        // If the test process dies, everything ends within ten minutes, and tmux with it.
        let bound = ["timeout", "--foreground", "--signal=KILL", "600"]
        let command =
            bound + ["env", "-i"] + variables
            + ["sh", "-c", script, try Repository.builtTool()] + arguments
        let session = try TmuxSession(command: command, directory: directory)

        let line = try session.waitForLine(timeout: 30) { $0 == prompt }
        guard line == prompt else {
            throw UnexpectedScreen(waitedFor: prompt, screen: try session.screen())
        }
        try session.type(answer)
        try session.press("Enter")
        screen = try session.waitForScreen(timeout: 60) { $0.contains("exit status ") }
        guard screen.contains("exit status ") else {
            throw UnexpectedScreen(waitedFor: "exit status", screen: screen)
        }
    }
}

/// The terminal never showed what a test waited for.
struct UnexpectedScreen: Error, CustomStringConvertible {
    /// The text waited for.
    var waitedFor: String
    /// The screen at the deadline.
    var screen: String

    var description: String {
        "the screen never showed '\(waitedFor)'; it held:\n\(screen)"
    }
}
