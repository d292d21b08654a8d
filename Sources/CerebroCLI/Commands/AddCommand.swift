import CerebroConn

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `add [NAME] --host H[:P] ...`: creates a preset, asking for what is missing on a terminal.
enum AddCommand {
    static let spec = CommandSpec(
        name: "add",
        abstract: "create a connection preset",
        discussion: """
            Creates a preset and refuses to replace one of the same name. On a terminal, a
            missing NAME or --host is asked for; elsewhere it is a usage error. The preset
            never holds a password.
            """,
        arguments: [
            ArgumentSpec(name: "NAME", kind: .text, arity: .optional, help: "the preset's name")
        ],
        options: PresetOptions.fields,
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws
        -> ExitStatus
    {
        let name = try invocation.arguments.first ?? ask("name", for: invocation, context)
        let host = try invocation.value("host") ?? ask("host", for: invocation, context)
        let user =
            context.environment["USER"] ?? context.environment["LOGNAME"]
            ?? ProcessInfo.processInfo.userName

        var preset = Preset(name: name, host: host, user: user)
        var hostGiven = invocation
        hostGiven.options["host"] = [host]
        try PresetOptions.change(hostGiven, environment: context.environment).apply(to: &preset)
        try PresetOptions.refuseSSLOverSocket(preset, hostGiven)

        try context.store.create(preset)
        context.diagnostics.note("saved preset '\(name)' in \(context.store.path(for: name))")
        PresetOptions.warnAboutIneffectiveOptions(invocation, preset, context)
        warnAboutFolder(preset, context)
        return .success
    }

    /// Asks for a missing value on a terminal; elsewhere a usage error.
    private static func ask(
        _ what: String,
        for invocation: Invocation,
        _ context: CommandContext
    ) throws -> String {
        let placeholder = what == "name" ? "NAME" : "--host H[:P]"
        guard context.terminal.inputIsTerminal else {
            throw UsageError(command: invocation.command.name, message: "missing \(placeholder)")
        }
        guard let answer = context.terminal.readLine("Preset \(what): ", true),
            !answer.trimmingWhitespace.isEmpty
        else {
            throw UsageError(command: invocation.command.name, message: "missing \(placeholder)")
        }
        return answer.trimmingWhitespace
    }

    /// A folder that does not hold a set yet is allowed (the files may come later), but said.
    static func warnAboutFolder(_ preset: Preset, _ context: CommandContext) {
        guard preset.certificateFolder != nil else {
            return
        }
        if case .failure(let error) = context.lookup.resolve(preset).result {
            context.diagnostics.warning(ErrorMessages.message(for: error))
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        String(
            drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: {
                $0 == " " || $0 == "\t"
            }).reversed()
        )
    }
}
