/// `manpage`: prints the man page in roff; hidden, for packaging and `scripts/generate`.
enum ManpageCommand {
    static let spec = CommandSpec(
        name: "manpage",
        abstract: "print the cerebro-conn(1) man page in roff",
        isHidden: true,
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws
        -> ExitStatus
    {
        context.terminal.writeOut(ManPage.render())
        return .success
    }
}
