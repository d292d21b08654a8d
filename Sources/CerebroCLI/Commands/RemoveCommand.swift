import CerebroConn

/// `remove NAME`: deletes a preset, even a damaged one.
enum RemoveCommand {
    static let spec = CommandSpec(
        name: "remove",
        abstract: "delete a preset",
        arguments: [
            ArgumentSpec(
                name: "NAME",
                kind: .presetName,
                arity: .required,
                help: "the preset to delete"
            )
        ],
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws
        -> ExitStatus
    {
        let name = invocation.arguments[0]
        try context.store.remove(named: name)
        context.diagnostics.note("removed preset '\(name)'")
        return .success
    }
}
