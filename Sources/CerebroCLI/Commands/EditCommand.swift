import CerebroConn

/// `edit NAME [options]`: changes fields of an existing preset.
enum EditCommand {
    static let spec = CommandSpec(
        name: "edit",
        abstract: "change a preset",
        discussion: "Changes only the fields given; '--no-ssl' and '--no-certdir' clear them.",
        arguments: [
            ArgumentSpec(
                name: "NAME",
                kind: .presetName,
                arity: .required,
                help: "the preset to change"
            )
        ],
        options: PresetOptions.fields + PresetOptions.clearing,
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws
        -> ExitStatus
    {
        let name = invocation.arguments[0]
        if invocation.options.isEmpty {
            throw UsageError(
                command: "edit",
                message: "nothing to change: give at least one option"
            )
        }
        let change = try PresetOptions.change(invocation, environment: context.environment)
        try change.validate()
        // The store reads, changes and writes under its lock: an edit made by another process
        // meanwhile is kept, not overwritten with the values this one read earlier.
        let preset = try context.store.update(named: name) { preset in
            change.apply(to: &preset)
            try PresetOptions.refuseSSLOverSocket(preset, invocation)
        }
        context.warnAboutSecretFields(of: preset, removed: true)
        context.diagnostics.note("updated preset '\(name)'")
        PresetOptions.warnAboutIneffectiveOptions(invocation, preset, context)
        if invocation.has("certdir") {
            AddCommand.warnAboutFolder(preset, context)
        }
        return .success
    }
}
