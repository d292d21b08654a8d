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
            """,
        arguments: [
            ArgumentSpec(name: "NAME", kind: .presetName, arity: .zeroOrMore, help: "the presets to test"),
        ],
        options: [
            .flag("all", help: "test every preset"),
            .flag("json", help: "print a JSON array with one object per preset"),
        ],
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws -> ExitStatus {
        let names = try selectedNames(invocation, context)
        let checker = PresetCheck(store: context.store, lookup: context.lookup)
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
