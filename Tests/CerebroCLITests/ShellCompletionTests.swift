import CerebroConn
import Foundation
import Testing

/// Tab completion in real bash, zsh and fish, driven through tmux: each case types a prefix,
/// presses Tab once, and reads the command line back from the screen.
///
/// Every case is checked twice: the line must be exactly the expected text, and the same
/// shell, running that line with `printf '%s\n'` in place of the tool, must see exactly the
/// expected words (so an escaped name is one word with the right value, and `*` was not
/// expanded against the files in the current folder).
///
/// In the same session, the listing cases press Tab until the shell lists the candidates and
/// read the listing off the screen (see `ListingCase`).
@Suite(.timeLimit(.minutes(3)))
struct ShellCompletionTests {
    @Test(.enabled(if: TestShell.bash.shouldRun))
    func bashCompletesEveryKindOfName() throws {
        try CompletionRun(shell: .bash).check(CompletionCase.all, ListingCase.all)
    }

    @Test(.enabled(if: TestShell.zsh.shouldRun))
    func zshCompletesEveryKindOfName() throws {
        try CompletionRun(shell: .zsh).check(CompletionCase.all, ListingCase.all)
    }

    @Test(.enabled(if: TestShell.fish.shouldRun))
    func fishCompletesEveryKindOfName() throws {
        try CompletionRun(shell: .fish).check(CompletionCase.all, ListingCase.all)
    }
}

/// One Tab press: what is typed, the line after it, and the words that line holds.
///
/// `{star}` and `{spaced}` stand for the configuration folders that hold only `*` and only
/// `only one`.
struct CompletionCase: Sendable {
    /// What the case shows.
    var label: String
    /// What is typed before Tab.
    var typed: String
    /// The command line after Tab, in every shell unless `overrides` says otherwise.
    var expected: String
    /// The words after `cerebro-conn` that the expected line holds.
    var words: [String]
    /// Per-shell expected lines, where the shells write an equally valid word differently.
    var overrides: [TestShell: String] = [:]

    /// Every case of the field reports 31 and 32, and one of each kind of value.
    static let all: [CompletionCase] = [
        CompletionCase(
            label: "plain name",
            typed: "cerebro-conn show de",
            expected: "cerebro-conn show dev ",
            words: ["show", "dev"]
        ),
        CompletionCase(
            label: "name with a colon (case 31)",
            typed: "cerebro-conn show prod:e",
            expected: "cerebro-conn show prod:eu ",
            words: ["show", "prod:eu"]
        ),
        CompletionCase(
            label: "two names with a colon share a prefix (case 31)",
            typed: "cerebro-conn show pr",
            expected: "cerebro-conn show prod:",
            words: ["show", "prod:"]
        ),
        CompletionCase(
            label: "name with a space (case 32)",
            typed: #"cerebro-conn show Prod\ E"#,
            expected: #"cerebro-conn show Prod\ EU "#,
            words: ["show", "Prod EU"]
        ),
        CompletionCase(
            label: "two names with a space share a prefix (case 32)",
            typed: "cerebro-conn show Pro",
            expected: #"cerebro-conn show Prod\ "#,
            words: ["show", "Prod "]
        ),
        CompletionCase(
            label: "name inside a quote the user opened",
            typed: "cerebro-conn show 'Prod U",
            expected: "cerebro-conn show 'Prod US' ",
            words: ["show", "Prod US"]
        ),
        CompletionCase(
            label: "name with a single quote (case 32)",
            typed: "cerebro-conn show it",
            expected: #"cerebro-conn show it\'s "#,
            words: ["show", "it's"]
        ),
        CompletionCase(
            label: "name with a single quote, inside quotes",
            typed: "cerebro-conn show 'it",
            expected: #"cerebro-conn show 'it'\''s' "#,
            words: ["show", "it's"],
            overrides: [.fish: #"cerebro-conn show 'it\'s' "#]
        ),
        CompletionCase(
            label: "name with & (case 32)",
            typed: "cerebro-conn show a",
            expected: #"cerebro-conn show a\&b "#,
            words: ["show", "a&b"]
        ),
        CompletionCase(
            label: "name with $ (case 32)",
            typed: "cerebro-conn show x",
            expected: #"cerebro-conn show x\$y "#,
            words: ["show", "x$y"]
        ),
        CompletionCase(
            label: "the name * is never a glob (case 32), and --config is honoured",
            typed: "cerebro-conn --config {star} show ",
            expected: #"cerebro-conn --config {star} show \* "#,
            words: ["--config", "{star}", "show", "*"]
        ),
        CompletionCase(
            label: "--config with a space, after the command",
            typed: "cerebro-conn show --config '{spaced}' o",
            expected: #"cerebro-conn show --config '{spaced}' only\ one "#,
            words: ["show", "--config", "{spaced}", "only one"]
        ),
        CompletionCase(
            label: "several names for test",
            typed: "cerebro-conn test dev prod:u",
            expected: "cerebro-conn test dev prod:us ",
            words: ["test", "dev", "prod:us"]
        ),
        CompletionCase(
            label: "a name after --",
            typed: "cerebro-conn show -- de",
            expected: "cerebro-conn show -- dev ",
            words: ["show", "--", "dev"]
        ),
        CompletionCase(
            label: "command, never a preset (the preset 'showcase' exists)",
            typed: "cerebro-conn sh",
            expected: "cerebro-conn show ",
            words: ["show"]
        ),
        CompletionCase(
            label: "option name",
            typed: "cerebro-conn list --na",
            expected: "cerebro-conn list --names ",
            words: ["list", "--names"]
        ),
        CompletionCase(
            label: "option value from a fixed list",
            typed: "cerebro-conn add --verify f",
            expected: "cerebro-conn add --verify full ",
            words: ["add", "--verify", "full"]
        ),
        CompletionCase(
            label: "option value after =",
            typed: "cerebro-conn edit dev --verify=c",
            expected: "cerebro-conn edit dev --verify=ca ",
            words: ["edit", "dev", "--verify=ca"]
        ),
        CompletionCase(
            label: "folder for --certdir",
            typed: "cerebro-conn add --certdir cer",
            expected: #"cerebro-conn add --certdir certs\ dir/"#,
            words: ["add", "--certdir", "certs dir/"]
        ),
        CompletionCase(
            label: "command name for help",
            typed: "cerebro-conn help com",
            expected: "cerebro-conn help completion ",
            words: ["help", "completion"]
        ),
        CompletionCase(
            label: "shell for completion",
            typed: "cerebro-conn completion fi",
            expected: "cerebro-conn completion fish ",
            words: ["completion", "fish"]
        ),
    ]

    /// The expected line in `shell`.
    func expected(in shell: TestShell) -> String {
        overrides[shell] ?? expected
    }
}

/// One shell session with its own home, presets and working folder.
struct CompletionRun {
    /// The shell driven.
    var shell: TestShell
    /// Everything the run writes lives here.
    private let root: TemporaryFolder
    /// The stand-ins in the cases and their values.
    private let places: [String: String]

    /// Prepares the folders, presets and start-up files; starts nothing yet.
    init(shell: TestShell) throws {
        self.shell = shell
        root = try TemporaryFolder()
        places = ["{star}": root.path + "/star", "{spaced}": root.path + "/sp ace"]
        try makeFolders()
    }

    /// The presets of the run's configuration folder.
    static let presetNames = [
        "dev", "prod:eu", "prod:us", "Prod EU", "Prod US", "it's", "a&b", "x$y", "*", "showcase",
    ]

    /// Runs every case in one session and records a failure for each mismatch.
    func check(_ cases: [CompletionCase], _ listings: [ListingCase]) throws {
        guard shell.isInstalled else {
            Issue.record("\(shell) or tmux is missing: scripts/test-completion installs them")
            return
        }
        let session = try TmuxSession(command: launchCommand(), directory: root.path + "/work")
        // Nothing is typed before the first prompt: a key sent while the start-up file runs
        // could cut it short.
        guard try session.waitForLine(timeout: 30, until: { $0 == "$ " }) == "$ " else {
            Issue.record("\(shell) showed no '$ ' prompt; screen:\n\(try session.screen())")
            return
        }
        for item in cases {
            let typed = substitute(item.typed)
            let expected = "$ " + substitute(item.expected(in: shell))
            let line = try complete(typed, expecting: expected, in: session)
            let screen = try session.screen()
            #expect(line == expected, "\(item.label): typed '\(typed)'; screen:\n\(screen)")
            if line == expected {
                let words = try words(of: line)
                #expect(words == item.words.map(substitute), "\(item.label)")
            }
        }
        for item in listings {
            try checkListing(item, in: session)
        }
    }

    /// Types the case's text at a fresh prompt, presses Tab until the candidates are listed,
    /// and compares the listing, the line, and the line after each step of the menu.
    private func checkListing(_ item: ListingCase, in session: TmuxSession) throws {
        guard let listing = item.listings[shell] else {
            return
        }
        try session.press("C-e", "C-u", "C-l")
        guard try session.waitForLine(until: { $0 == "$ " }) == "$ " else {
            Issue.record("\(item.label): no prompt; screen:\n\(try session.screen())")
            return
        }

        let line = "$ " + listing.line
        let expected = listing.candidates.sorted()
        try session.type(item.typed)
        for _ in 0..<listing.tabs {
            try session.press("Tab")
            _ = try session.waitForLine { $0 == line }
        }
        let screen = try session.waitForScreen {
            ListingCase.candidates(on: $0).sorted() == expected
        }
        let context = "\(item.label): typed '\(item.typed)'; screen:\n\(screen)"
        #expect(ListingCase.candidates(on: screen).sorted() == expected, "\(context)")
        #expect(try session.lineBeforeCursor() == line, "\(context)")
        for file in ["afile", "xfile", "zfile"] {
            #expect(!screen.contains(file), "\(context)")
        }

        for step in listing.menu {
            try session.press("Tab")
            let stepped = try session.waitForLine { $0 == "$ " + step }
            let screen = try session.screen()
            #expect(stepped == "$ " + step, "\(item.label): menu; screen:\n\(screen)")
        }
    }

    /// Types `typed` at a fresh prompt, presses Tab, and returns the line once it settles.
    private func complete(
        _ typed: String,
        expecting expected: String,
        in session: TmuxSession
    ) throws -> String {
        // End of line, erase it, clear the screen: the same keys in all three shells.
        try session.press("C-e", "C-u", "C-l")
        let prompt = try session.waitForLine { $0 == "$ " }
        guard prompt == "$ " else {
            return "no prompt: '\(prompt)'"
        }

        try session.type(typed)
        try session.press("Tab")
        return try session.waitForLine { $0 == expected }
    }

    /// The words the shell itself makes of `line` (with the prompt), after the tool's name.
    private func words(of line: String) throws -> [String] {
        let arguments = line.dropFirst("$ cerebro-conn".count)
        let script = "printf '%s\\n'" + arguments
        let result = try Subprocess.run(
            shell.rawValue,
            shell.scriptCommand(script),
            in: root.path + "/work",
            seconds: 20
        )
        return result.output.split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    // MARK: - Set-up

    private func makeFolders() throws {
        let home = root.path + "/home"
        for folder in [
            home, root.path + "/bin", root.path + "/work/certs dir", root.path + "/work/cdir",
        ] {
            try FileManager.default.createDirectory(
                atPath: folder,
                withIntermediateDirectories: true
            )
        }
        for file in ["afile", "zfile", "xfile"] {
            try Data().write(to: URL(fileURLWithPath: root.path + "/work/" + file))
        }
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/bin/cerebro-conn",
            withDestinationPath: try Repository.builtTool()
        )
        try makePresets(Self.presetNames, in: root.path + "/config")
        try makePresets(["*"], in: substitute("{star}"))
        try makePresets(["only one"], in: substitute("{spaced}"))
        try shell.writeConfiguration(home: home)
    }

    private func makePresets(_ names: [String], in configuration: String) throws {
        let store = PresetStore(configurationDirectory: configuration)
        for name in names {
            try store.create(Preset(name: name, host: "db.example.com", user: "pipeline"))
        }
    }

    private func launchCommand() -> [String] {
        let home = root.path + "/home"
        let variables = [
            "HOME=\(home)",
            "ZDOTDIR=\(home)",
            "PATH=\(root.path)/bin:/usr/bin:/bin",
            "TERM=xterm-256color",
            "LANG=C.UTF-8",
            "HISTFILE=\(home)/history",
            "CEREBRO_CONN_HOME=\(root.path)/config",
        ]
        // If the test process dies, the shell still ends within ten minutes, and tmux with it.
        let bound = ["timeout", "--foreground", "--signal=KILL", "600"]
        return bound + ["env", "-i"] + variables + shell.interactiveCommand(home: home)
    }

    private func substitute(_ text: String) -> String {
        places.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
}
