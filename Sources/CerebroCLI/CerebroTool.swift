import CerebroConn

/// The command-line tool: the command table and the one entry point `main.swift` calls.
public enum CerebroTool {
    /// The tool's version.
    public static let version = "0.1.0"

    /// The tool's name as it is invoked.
    public static let name = "cerebro-conn"

    /// What the tool does, in one line.
    public static let abstract =
        "keep connection presets for Cerebro databases and connect over SSL"

    /// Every command, in the order help lists them.
    ///
    /// Parsing, help, completion scripts and the man page are all derived from this table.
    public static let commands: [CommandSpec] = [
        AddCommand.spec,
        EditCommand.spec,
        RenameCommand.spec,
        RemoveCommand.spec,
        ListCommand.spec,
        ShowCommand.spec,
        CertsCommand.spec,
        TestCommand.spec,
        CompletionCommand.spec,
        HelpCommand.spec,
        ManpageCommand.spec,
    ]

    /// Runs the tool with `arguments` (argv without the program name) and returns the status.
    ///
    /// A write to standard output that failed is reported last, and the status is then at
    /// least 1: what was asked for did not arrive.
    public static func run(
        arguments: [String],
        terminal: Terminal = .standard,
        environment: Environment = .current
    ) -> ExitStatus {
        let parsed: ParsedCommandLine
        do {
            parsed = try CommandLineParser(commands: commands).parse(arguments)
        } catch {
            let context = CommandContext(
                terminal: terminal,
                environment: environment,
                globals: GlobalOptions()
            )
            return report(usage: error, context: context)
        }

        switch parsed {
        case .version:
            terminal.writeOut("\(name) \(version)\n")
            let context = CommandContext(
                terminal: terminal,
                environment: environment,
                globals: GlobalOptions()
            )
            return settle(.success, context)
        case .help(let command, let globals):
            terminal.writeOut(HelpText.render(command: command.flatMap(spec(named:))))
            let context = CommandContext(
                terminal: terminal,
                environment: environment,
                globals: globals
            )
            return settle(.success, context)
        case .run(let invocation, let globals):
            let context = CommandContext(
                terminal: terminal,
                environment: environment,
                globals: globals
            )
            return settle(execute(invocation, context: context), context)
        }
    }

    /// Runs the tool as the `cerebro-conn` process: reads the environment, removes from the
    /// process the libpq variables a preset overrides, then runs with `arguments`.
    ///
    /// Call it from `main` before any thread starts, as
    /// `Environment.removeIgnoredLibpqVariables()` requires. `run(arguments:terminal:environment:)`
    /// leaves the process environment alone, for tests that run the tool in-process.
    public static func runAsProcess(arguments: [String]) -> ExitStatus {
        // Read first, so that `show` can name the variables that are about to go.
        let environment = Environment.current
        Environment.removeIgnoredLibpqVariables()
        return run(arguments: arguments, environment: environment)
    }

    /// The command named `name`.
    static func spec(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    private static func execute(_ invocation: Invocation, context: CommandContext) -> ExitStatus {
        do {
            return try invocation.command.run(invocation, context)
        } catch let error as UsageError {
            return report(usage: error, context: context)
        } catch let error as CommandFailure {
            context.diagnostics.error(error.message)
            return error.status
        } catch PresetError.invalidValue(let value, let problem) {
            // A value typed on the command line that breaks a rule is a usage error, like a
            // value of the wrong kind; a hand-edited file that breaks one is reported as damaged.
            let message = ErrorMessages.message(
                for: PresetError.invalidValue(value: value, problem: problem)
            )
            let usage = UsageError(command: invocation.command.name, message: message.text)
            return report(usage: usage, context: context)
        } catch {
            context.diagnostics.error(ErrorMessages.message(for: error))
            return .failure
        }
    }

    /// `status`, unless standard output could not be written: then that is reported, and the
    /// status is at least 1.
    ///
    /// A closed pipe is not reported: the reader chose to stop (`| head`). It is seen only when
    /// SIGPIPE is ignored; by default the signal ends the process at the failed write, as it
    /// does `cat`.
    private static func settle(_ status: ExitStatus, _ context: CommandContext) -> ExitStatus {
        guard let code = context.terminal.outputFailure() else {
            return status
        }
        let error = OutputError(code: code)
        if !error.isBrokenPipe {
            context.diagnostics.error(ErrorMessages.message(for: error))
        }
        return max(status, .failure)
    }

    private static func report(usage error: UsageError, context: CommandContext) -> ExitStatus {
        let command = error.command.flatMap(spec(named:))
        let help = command.map { "\(name) \($0.name) --help" } ?? "\(name) --help"
        context.diagnostics.error(Message(error.message))
        context.terminal.writeErr("usage: \(HelpText.usageLine(for: command))\n")
        context.terminal.writeErr("See '\(help)'.\n")
        return .usage
    }
}
