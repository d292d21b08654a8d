import CerebroCLI
import CerebroConn
import Testing

/// `test`'s progress line moves the cursor only where the terminal can: `--color` does not
/// decide it, `TERM=dumb` does.
struct ProgressLineTests {
    let scratch = Scratch()

    /// Runs `test` over two presets that are not attempted, with standard error a terminal.
    func runOnTerminal(_ options: [String], term: String) -> ToolOutput {
        for name in ["a", "b"] {
            let added = ToolHarness.run(
                ["add", name, "--host", "localhost", "--ssl", "--certdir", scratch.path + "/none"],
                environment: scratch.environment
            )
            #expect(added.status == 0, "\(added.err)")
        }
        let out = TextBuffer()
        let err = TextBuffer()
        let terminal = Terminal(
            writeOut: { out.append($0) },
            writeErr: { err.append($0) },
            outputIsTerminal: true,
            errorIsTerminal: true
        )
        var environment = scratch.environment
        environment["TERM"] = term
        let status = CerebroTool.run(
            arguments: options + ["test", "a", "b"],
            terminal: terminal,
            environment: Environment(environment)
        )
        return ToolOutput(status: status.rawValue, out: out.contents, err: err.contents)
    }

    @Test func dumbTerminalGetsNoCursorControl() {
        let result = runOnTerminal([], term: "dumb")

        #expect(result.status == 3)
        #expect(!result.err.contains("\r"))
        #expect(!result.err.contains("\u{1B}"))
        #expect(!result.err.contains("testing 2 presets"))
        #expect(result.err.hasSuffix(" s: 2 not attempted\n"))
    }

    @Test func colourNeverStillRedrawsOnARealTerminal() {
        let result = runOnTerminal(["--color", "never"], term: "xterm-256color")

        #expect(result.status == 3)
        #expect(result.err.contains("\r\u{1B}[Ktesting 2 presets: 0 done, waiting for 'a'"))
        // Only the erase: no colour anywhere.
        #expect(!result.err.replacing("\r\u{1B}[K", with: "").contains("\u{1B}"))
        #expect(!result.out.contains("\u{1B}"))
    }
}
