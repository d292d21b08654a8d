/// `help [COMMAND]`: the tool's help, or one command's.
enum HelpCommand {
    static let spec = CommandSpec(
        name: "help",
        abstract: "show help for the tool or a command",
        discussion: "'cerebro-conn help COMMAND' is the same as 'cerebro-conn COMMAND --help'.",
        arguments: [
            ArgumentSpec(
                name: "COMMAND",
                kind: .commandName,
                arity: .optional,
                help: "the command to explain"
            )
        ],
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws
        -> ExitStatus
    {
        let command = invocation.arguments.first.flatMap(CerebroTool.spec(named:))
        context.terminal.writeOut(HelpText.render(command: command))
        return .success
    }
}
