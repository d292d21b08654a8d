import CerebroConn
import Foundation
import Testing

@testable import CerebroCLI

/// `test` over several presets: order, worst status, progress, JSON, summary and options.
///
/// These need no server: presets that cannot be attempted, and a silent loopback listener.
struct TestCommandTests {
    let scratch = Scratch()

    /// Runs the tool in-process; `errorIsTerminal` says whether stderr is a terminal.
    func run(_ arguments: [String], errorIsTerminal: Bool = false) -> ToolOutput {
        let out = TextBuffer()
        let err = TextBuffer()
        let terminal = Terminal(
            writeOut: { out.append($0) },
            writeErr: { err.append($0) },
            errorIsTerminal: errorIsTerminal
        )
        let status = CerebroTool.run(
            arguments: arguments,
            terminal: terminal,
            environment: Environment(scratch.environment)
        )
        return ToolOutput(status: status.rawValue, out: out.contents, err: err.contents)
    }

    /// Adds a preset whose certificate folder does not exist: `test` reports it not attempted.
    func addUnattemptable(_ name: String) {
        let added = run([
            "add", name, "--host", "localhost", "--ssl", "--certdir", scratch.path + "/none",
        ])
        #expect(added.status == 0, "add \(name): \(added.err)")
    }

    /// Adds a preset pointing at `listener`, with its own time-out of `timeout` seconds.
    func addSilent(_ name: String, _ listener: SilentListener, timeout: Int = 1) {
        let added = run([
            "add", name, "--host", "127.0.0.1", "--port", String(listener.port),
            "--timeout", String(timeout),
        ])
        #expect(added.status == 0, "add \(name): \(added.err)")
    }

    /// The preset names of the verdict lines on stdout, in the order printed.
    func verdictNames(_ out: String) -> [String] {
        out.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map {
            String($0.prefix(while: { $0 != ":" }))
        }
    }

    // MARK: - Options

    @Test(arguments: [
        ["--jobs", "0"], ["--jobs=-1"], ["--jobs", "257"], ["--jobs", "many"],
        ["--timeout", "0"], ["--timeout", "3601"], ["--timeout", "soon"],
    ])
    func outOfRangeJobsAndTimeoutAreUsageErrors(options: [String]) {
        addUnattemptable("a")

        let result = run(["test", "a"] + options)

        #expect(result.status == 64)
        #expect(result.out == "")
        #expect(result.err.hasPrefix("error: option '\(options[0].prefix { $0 != "=" })' takes"))
        #expect(result.err.contains("See 'cerebro-conn test --help'."))
    }

    @Test func timeoutOptionOverridesThePresetsOwn() throws {
        let listener = try SilentListener()
        addSilent("patient", listener, timeout: 60)

        let result = run(["test", "patient", "--timeout", "1"])

        #expect(result.status == 2)
        #expect(result.out == "patient: no response\n")
        #expect(result.err.contains("accepted the TCP connection but did not answer within 1 s"))
    }

    @Test func aServerThatHangsAfterLoginIsNoResponseOnceItsTimeOutPasses() throws {
        let server = try HangingServer()
        let added = run([
            "add", "hung", "--host", "127.0.0.1", "--port", String(server.port), "--timeout", "1",
        ])

        let result = run(["test", "hung"])

        #expect(added.status == 0)
        #expect(result.status == 2)
        #expect(result.out == "hung: no response\n")
        #expect(result.err.contains("let us in but did not answer SELECT 1 within 1 s"))
    }

    // MARK: - Order and status

    @Test func resultsArePrintedInTheOrderAsked() throws {
        let listener = try SilentListener()
        addUnattemptable("zeta")
        addSilent("silent", listener)
        addUnattemptable("alpha")

        // 'silent' finishes last, a second after the others; it is still printed second.
        let result = run(["test", "zeta", "silent", "alpha"])

        #expect(verdictNames(result.out) == ["zeta", "silent", "alpha"])
        #expect(result.out.contains("silent: no response\n"))
        #expect(result.out.contains("zeta: not attempted\n"))
    }

    @Test func allTestsEveryPresetInNameOrder() {
        for name in ["c", "a", "b"] {
            addUnattemptable(name)
        }

        let result = run(["test", "--all", "--jobs", "2"])

        #expect(verdictNames(result.out) == ["a", "b", "c"])
        #expect(result.status == 3)
    }

    @Test func worstStatusWins() throws {
        let listener = try SilentListener()
        addSilent("silent", listener)
        addUnattemptable("broken")

        #expect(run(["test", "silent"]).status == 2)
        #expect(run(["test", "silent", "broken"]).status == 3)
        #expect(run(["test", "broken", "silent"]).status == 3)
    }

    // MARK: - Progress, summary, JSON

    @Test func progressIsShownOnlyWhenStandardErrorIsATerminal() {
        addUnattemptable("a")
        addUnattemptable("b")

        let onTerminal = run(["test", "a", "b"], errorIsTerminal: true)
        let piped = run(["test", "a", "b"], errorIsTerminal: false)
        let quiet = run(["test", "a", "b", "-q"], errorIsTerminal: true)

        #expect(onTerminal.err.contains("\r\u{1B}[Ktesting 2 presets: 0 done, waiting for 'a'"))
        #expect(!piped.err.contains("\r"))
        #expect(!quiet.err.contains("\r"))
        for result in [onTerminal, piped, quiet] {
            #expect(!result.out.contains("\r"))
            #expect(!result.out.contains("testing"))
            #expect(verdictNames(result.out) == ["a", "b"])
        }
    }

    @Test func progressLineIsAlwaysClearedBeforeOtherOutput() throws {
        let listener = try SilentListener()
        addUnattemptable("a")
        addSilent("silent", listener)
        addUnattemptable("b")

        let result = run(["test", "a", "silent", "b"], errorIsTerminal: true)
        let pieces = result.err.components(separatedBy: "\r\u{1B}[K")

        // Each drawing of the line is erased before anything else is written to the terminal.
        #expect(pieces.count > 2)
        for piece in pieces where piece.hasPrefix("testing") {
            #expect(!piece.contains("\n"), "progress left on screen: \(piece)")
        }
        #expect(pieces.last?.hasPrefix("testing") == false)
        #expect(result.err.contains("testing 3 presets: 2 done, waiting for 'silent'"))
    }

    @Test func summaryLineEndsARunOfSeveralPresets() throws {
        let listener = try SilentListener()
        addSilent("silent", listener)
        addUnattemptable("broken")

        let several = run(["test", "silent", "broken"])
        let one = run(["test", "broken"])
        let quiet = run(["test", "silent", "broken", "-q"])

        #expect(several.err.contains("2 presets in "))
        #expect(several.err.hasSuffix(" s: 1 no response, 1 not attempted\n"))
        #expect(!several.out.contains("presets in"))
        #expect(!one.err.contains("preset in"))
        #expect(!quiet.err.contains("presets in"))
    }

    @Test func jsonIsOneArrayInTheOrderAsked() throws {
        let listener = try SilentListener()
        addUnattemptable("broken")
        addSilent("silent", listener)

        let result = run(["test", "silent", "broken", "--json"], errorIsTerminal: true)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.out.utf8))
        let objects = try #require(parsed as? [[String: Any]])

        #expect(result.status == 3)
        #expect(objects.map { $0["name"] as? String } == ["silent", "broken"])
        #expect(objects.map { $0["status"] as? String } == ["no response", "not attempted"])
        #expect(objects.map { $0["exit_code"] as? Int } == [2, 3])
        #expect((objects[0]["error"] as? String)?.contains("within 1 s") == true)
    }

    @Test func jsonOfOnePresetIsStillAnArray() throws {
        addUnattemptable("broken")

        let result = run(["test", "broken", "--json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(result.out.utf8))

        #expect((parsed as? [Any])?.count == 1)
    }

    // MARK: - The binary

    @Test func binaryShowsNoProgressOnAPipeAndEndsWithTheSummary() throws {
        addUnattemptable("a")
        addUnattemptable("b")

        let result = try ToolHarness.runBinary(
            ["test", "a", "b"],
            environment: scratch.environment
        )

        #expect(result.status == 3)
        #expect(!result.err.contains("\r"))
        #expect(result.err.hasSuffix(" s: 2 not attempted\n"))
        #expect(verdictNames(result.out) == ["a", "b"])
    }
}

/// The summary's duration: seconds with one decimal, rounded.
struct TestSummaryTests {
    @Test(arguments: [
        (Duration.zero, "0.0 s"), (.milliseconds(49), "0.0 s"), (.milliseconds(50), "0.1 s"),
        (.milliseconds(2_049), "2.0 s"), (.milliseconds(2_960), "3.0 s"),
        (.seconds(3_600), "3600.0 s"),
    ])
    func secondsHaveOneDecimal(duration: Duration, text: String) {
        #expect(TestSummary.seconds(duration) == text)
    }
}
