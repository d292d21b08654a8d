import CerebroConn

/// `rename OLD NEW`: gives a preset a new name.
enum RenameCommand {
    static let spec = CommandSpec(
        name: "rename",
        abstract: "rename a preset",
        arguments: [
            ArgumentSpec(
                name: "OLD",
                kind: .presetName,
                arity: .required,
                help: "the preset's name"
            ),
            ArgumentSpec(name: "NEW", kind: .text, arity: .required, help: "its new name"),
        ],
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws
        -> ExitStatus
    {
        let (old, new) = (invocation.arguments[0], invocation.arguments[1])
        let renamed = try context.store.rename(old, to: new)
        context.warnAboutSecretFields(of: renamed, removed: true)
        context.diagnostics.note("renamed preset '\(old)' to '\(new)'")
        return .success
    }
}
