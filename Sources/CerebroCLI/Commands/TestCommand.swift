import CerebroConn

/// `test NAME... | --all`: connects for real, runs `SELECT 1` and reports.
enum TestCommand {
    static let spec = CommandSpec(
        name: "test",
        abstract: "connect with presets for real and report what happened",
        discussion: """
            Exit status, as pg_isready: 0 accepted, 1 rejected (the server was reached and
            refused: authentication, certificate, TLS), 2 no response (refused, unreachable,
            unknown host, time-out), 3 not attempted (bad preset, missing or invalid files).
            With several presets, the worst status wins.

            Several presets are tested at once, at most '--jobs' of them (default 16), each on a
            thread of its own: a silent server costs only its own time-out. Results are printed
            in the order the presets were given, each as soon as it and those before it are
            done; '--json' prints one array at the end. On a terminal, a progress line is redrawn
            on standard error (with '--color never' too, but not when TERM is dumb), and a
            summary line ends a run of several presets.

            Before connecting, each certificate set is checked: an error in its files stops that
            preset with status 3 and libpq is not called; warnings are printed and the connection
            goes ahead. An encrypted client key needs its passphrase: it is asked for once per
            key file, without echo, on the controlling terminal (/dev/tty, even when standard
            input or error is redirected); without one, give '--passphrase-file FILE', a file of
            mode 0600 or stricter whose first line is the passphrase.
            """,
        arguments: [
            ArgumentSpec(
                name: "NAME",
                kind: .presetName,
                arity: .zeroOrMore,
                help: "the presets to test"
            )
        ],
        options: [
            .flag("all", help: "test every preset"),
            .value(
                "jobs",
                .number,
                placeholder: "N",
                help: "test at most N presets at once (default \(CheckPool.defaultWidth))"
            ),
            .value(
                "timeout",
                .number,
                placeholder: "S",
                help: "wait S seconds for each address, instead of each preset's own time-out"
            ),
            .flag("json", help: "print a JSON array with one object per preset"),
            .value(
                "passphrase-file",
                .file,
                placeholder: "FILE",
                help: "read encrypted keys' passphrase from FILE's first line (mode 0600)"
            ),
        ],
        run: run
    )

    private static func run(
        _ invocation: Invocation,
        _ context: CommandContext
    ) throws -> ExitStatus {
        // The process ends soon after the checks; freeing OpenSSL's tables at exit is wasted.
        OpenSSLLibrary.skipCleanupAtExit()
        let pool = CheckPool(width: try jobs(invocation))
        var checker = PresetCheck(
            store: context.store,
            lookup: context.lookup,
            timeoutOverride: try timeout(invocation)
        )
        let names = try selectedNames(invocation, context)
        guard !names.isEmpty else {
            // Only `--all` over an empty folder gets here. The JSON is still an array, but
            // the status says that nothing was tested: a cron check over a mistyped --config
            // must not pass.
            if invocation.has("json") {
                context.terminal.writeOut(JSONOutput.render([TestReport.TestObject]()))
            }
            throw CommandFailure(
                "no presets in \(context.store.directory)",
                hint: "create one with 'cerebro-conn add'",
                status: .notAttempted
            )
        }
        checker.passphrases = try KeyPassphrasePrompt.passphrases(invocation, context)
        if KeyPassphrasePrompt.asksTheTerminal(invocation) {
            checker.collectPassphrases(for: names)
        }

        let clock = ContinuousClock()
        let start = clock.now
        let results = check(names, with: checker, in: pool, invocation, context)
        let elapsed = clock.now - start

        if invocation.has("json") {
            context.terminal.writeOut(JSONOutput.render(results.map(TestReport.object)))
        }
        if names.count > 1, !context.diagnostics.isQuiet {
            context.terminal.writeErr(TestSummary.line(results, elapsed: elapsed) + "\n")
        }
        return results.map(TestReport.status).max() ?? .success
    }

    /// Runs the checks in `pool`, printing each text result as soon as it is next in order.
    private static func check(
        _ names: [String],
        with checker: PresetCheck,
        in pool: CheckPool,
        _ invocation: Invocation,
        _ context: CommandContext
    ) -> [CheckResult] {
        let printsText = !invocation.has("json")
        let progress = TestProgress(
            names: names,
            terminal: context.terminal,
            isShown: context.diagnostics.redrawsLines && !context.diagnostics.isQuiet
        )
        progress.redraw()

        let results = pool.run(count: names.count, { checker.run(names[$0]) }) { event in
            switch event {
            case .finished(let index):
                progress.finish(index)
            case .ready(_, let result):
                progress.clear()
                if let preset = result.preset {
                    context.warnAboutSecretFields(of: preset)
                }
                if printsText {
                    TestReport.print(result, context)
                }
                progress.redraw()
            }
        }
        progress.clear()
        return results
    }

    private static func jobs(_ invocation: Invocation) throws(UsageError) -> Int {
        let range = CheckPool.widthRange
        guard let jobs = try invocation.number("jobs") else {
            return CheckPool.defaultWidth
        }
        guard range.contains(jobs) else {
            throw UsageError(
                command: "test",
                message: "option '--jobs' takes a number from \(range.lowerBound) to "
                    + "\(range.upperBound), not '\(jobs)'"
            )
        }
        return jobs
    }

    private static func timeout(_ invocation: Invocation) throws(UsageError) -> Int? {
        let range = Preset.timeoutRange
        guard let seconds = try invocation.number("timeout") else {
            return nil
        }
        guard range.contains(seconds) else {
            throw UsageError(
                command: "test",
                message: "option '--timeout' takes seconds from \(range.lowerBound) to "
                    + "\(range.upperBound), not '\(seconds)'"
            )
        }
        return seconds
    }

    private static func selectedNames(
        _ invocation: Invocation,
        _ context: CommandContext
    ) throws -> [String] {
        if invocation.has("all") {
            guard invocation.arguments.isEmpty else {
                throw UsageError(command: "test", message: "give preset names or '--all', not both")
            }
            return try context.store.names()
        }
        guard !invocation.arguments.isEmpty else {
            throw UsageError(command: "test", message: "missing NAME (or '--all')")
        }
        // A name no preset could have is a mistake on the command line, as in every other
        // command, not a preset that could not be tried.
        for name in invocation.arguments {
            if let problem = PresetValidation.problem(withName: name) {
                throw PresetError.invalidValue(value: name, problem: problem)
            }
        }
        return invocation.arguments
    }
}
