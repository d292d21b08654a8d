/// `completion bash|zsh|fish`: prints a completion script derived from the command table.
enum CompletionCommand {
    static let spec = CommandSpec(
        name: "completion",
        abstract: "print a shell completion script",
        discussion: """
            Prints the script for SHELL on standard output. To try it in the running shell:
              bash: source <(cerebro-conn completion bash)
              zsh:  source <(cerebro-conn completion zsh)    (after compinit)
              fish: cerebro-conn completion fish | source
            Installed, the scripts live where each shell looks by default, under the prefix:
            share/bash-completion/completions, share/zsh/site-functions and
            share/fish/vendor_completions.d.
            """,
        arguments: [
            ArgumentSpec(
                name: "SHELL",
                kind: .shell,
                arity: .required,
                help: "bash, zsh or fish"
            )
        ],
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws
        -> ExitStatus
    {
        let name = invocation.arguments[0]
        guard let shell = Shell(rawValue: name) else {
            let shells = Shell.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(
                command: "completion",
                message: "unknown shell '\(name)'; shells are \(shells)"
            )
        }
        context.terminal.writeOut(shell.completionScript())
        return .success
    }
}
