import CerebroConn

/// `test NAME... | --all`: connects for real, runs `SELECT 1` and reports.
enum TestCommand {
    static let spec = CommandSpec(
        name: "test",
        abstract: "connect with presets for real and report what happened",
        discussion: """
            Exit status, as pg_isready: 0 accepted, 1 rejected (the server was reached and
            refused: authentication, certificate, TLS), 2 no response, 3 not attempted (bad
            preset, missing or invalid files). With several presets, the worst status wins.

            Before connecting, each certificate set is checked: an error in its files stops that
            preset with status 3 and libpq is not called; warnings are printed and the connection
            goes ahead. An encrypted client key needs its passphrase: on a terminal it is asked
            for once per key file, without echo; otherwise give '--passphrase-file FILE', a file
            of mode 0600 or stricter whose first line is the passphrase.
            """,
        arguments: [
            ArgumentSpec(name: "NAME", kind: .presetName, arity: .zeroOrMore, help: "the presets to test"),
        ],
        options: [
            .flag("all", help: "test every preset"),
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

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws -> ExitStatus {
        let names = try selectedNames(invocation, context)
        var checker = PresetCheck(store: context.store, lookup: context.lookup)
        checker.passphrases = try KeyPassphrasePrompt.passphrases(invocation, context)
        let results = names.map { checker.run($0) }

        if invocation.has("json") {
            context.terminal.writeOut(JSONOutput.render(results.map(TestReport.object)))
        } else {
            for result in results {
                TestReport.print(result, context)
            }
        }
        return results.map(TestReport.status).max() ?? .success
    }

    private static func selectedNames(_ invocation: Invocation, _ context: CommandContext) throws -> [String] {
        if invocation.has("all") {
            guard invocation.arguments.isEmpty else {
                throw UsageError(command: "test", message: "give preset names or '--all', not both")
            }
            let names = try context.store.names()
            guard !names.isEmpty else {
                throw CommandFailure(
                    "no presets in \(context.store.directory)",
                    hint: "create one with 'cerebro-conn add'",
                    status: .notAttempted
                )
            }
            return names
        }
        guard !invocation.arguments.isEmpty else {
            throw UsageError(command: "test", message: "missing NAME (or '--all')")
        }
        return invocation.arguments
    }
}
