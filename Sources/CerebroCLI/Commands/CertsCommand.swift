import CerebroConn

/// `certs NAME`: the lookup trail, folder by folder, and the set it found.
enum CertsCommand {
    static let spec = CommandSpec(
        name: "certs",
        abstract: "explain where a preset's certificates come from",
        discussion: """
            Lists the folders in Cerebro's lookup order: the preset's folder if it has one,
            otherwise $HOME/cerebro and then $CEREBRO_HOME/etc (default /opt/cerebro/etc).
            For each: what it holds, whether it was used or skipped, and why.
            """,
        arguments: [
            ArgumentSpec(name: "NAME", kind: .presetName, arity: .required, help: "the preset"),
        ],
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws -> ExitStatus {
        let preset = try context.store.load(named: invocation.arguments[0])
        let trail = context.lookup.resolve(preset)

        var lines = ["lookup"] + PresetPresentation.trail(trail).map { "  " + $0 }
        switch trail.result {
        case .success(let set):
            lines += ["certificate set"] + PresetPresentation.aligned(PresetPresentation.set(set))
            context.terminal.writeOut(lines.joined(separator: "\n") + "\n")
            return .success
        case .failure(let error):
            context.terminal.writeOut(lines.joined(separator: "\n") + "\n")
            context.diagnostics.error(ErrorMessages.message(for: error))
            return .failure
        }
    }
}
