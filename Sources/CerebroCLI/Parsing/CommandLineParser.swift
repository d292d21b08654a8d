/// What the command line asks for.
public enum ParsedCommandLine: Sendable {
    /// Run a command.
    case run(Invocation, GlobalOptions)
    /// Show help for a command, or for the tool when `nil`.
    case help(command: String?, GlobalOptions)
    /// Print the version.
    case version(GlobalOptions)
}

/// Turns argv into an invocation using only the command table.
///
/// Accepted forms: `--name value`, `--name=value`, `-x`, packed flags (`-qv`), `--` to end
/// options, and global options before or after the command.
public struct CommandLineParser: Sendable {
    /// The commands to parse against.
    public var commands: [CommandSpec]

    /// A parser for `commands`.
    public init(commands: [CommandSpec]) {
        self.commands = commands
    }

    /// Parses `arguments` (argv without the program name).
    public func parse(_ arguments: [String]) throws(UsageError) -> ParsedCommandLine {
        var state = ParseState(tokens: arguments)
        var globals = GlobalOptions()
        var command: CommandSpec?
        var options: [String: [String]] = [:]
        var positionals: [String] = []
        var wantsHelp = false

        while let token = state.next() {
            if state.optionsEnded || token == "-" || !token.hasPrefix("-") {
                if command == nil {
                    command = try lookUp(token)
                } else {
                    positionals.append(token)
                }
                continue
            }
            if token == "--" {
                state.optionsEnded = true
                continue
            }
            let specs = (command?.options ?? []) + GlobalOptions.specs
            for (spec, value) in try split(
                token,
                specs: specs,
                command: command?.name,
                state: &state
            ) {
                if spec.long == "help" {
                    wantsHelp = true
                } else if GlobalOptions.specs.contains(spec) {
                    if spec.long == "version" {
                        return .version(globals)
                    }
                    globals.apply(spec.long, value: value)
                } else {
                    try record(spec, value, into: &options, command: command?.name)
                }
            }
        }
        return try finish(command, options, positionals, globals, wantsHelp: wantsHelp)
    }

    // MARK: - Steps

    private func lookUp(_ name: String) throws(UsageError) -> CommandSpec {
        guard let command = commands.first(where: { $0.name == name }) else {
            let names = commands.filter { !$0.isHidden }.map(\.name).joined(separator: ", ")
            throw UsageError(
                command: nil,
                message: "unknown command '\(name)'; commands are \(names)"
            )
        }
        return command
    }

    /// Splits one option token into specs and values, reading a following value if needed.
    private func split(
        _ token: String,
        specs: [OptionSpec],
        command: String?,
        state: inout ParseState
    ) throws(UsageError) -> [(OptionSpec, String?)] {
        if token.hasPrefix("--") {
            let body = token.dropFirst(2)
            let name = String(body.prefix(while: { $0 != "=" }))
            let inline =
                body.contains("=") ? String(body.drop(while: { $0 != "=" }).dropFirst()) : nil
            guard let spec = specs.first(where: { $0.long == name }) else {
                throw UsageError(command: command, message: "unknown option '--\(name)'")
            }
            return [
                (
                    spec,
                    try value(
                        for: spec,
                        inline: inline,
                        written: "--\(name)",
                        command: command,
                        state: &state
                    )
                )
            ]
        }

        var result: [(OptionSpec, String?)] = []
        var letters = Substring(token.dropFirst())
        while let letter = letters.popFirst() {
            guard let spec = specs.first(where: { $0.short == letter }) else {
                throw UsageError(command: command, message: "unknown option '-\(letter)'")
            }
            let inline = letters.isEmpty ? nil : String(letters)
            if case .value = spec.value {
                result.append(
                    (
                        spec,
                        try value(
                            for: spec,
                            inline: inline,
                            written: "-\(letter)",
                            command: command,
                            state: &state
                        )
                    )
                )
                break
            }
            result.append((spec, nil))
        }
        return result
    }

    private func value(
        for spec: OptionSpec,
        inline: String?,
        written: String,
        command: String?,
        state: inout ParseState
    ) throws(UsageError) -> String? {
        guard case .value(let kind, let placeholder) = spec.value else {
            if inline != nil {
                throw UsageError(command: command, message: "option '\(written)' takes no value")
            }
            return nil
        }
        guard let value = inline ?? state.next() else {
            throw UsageError(
                command: command,
                message: "option '\(written)' needs a value \(placeholder)"
            )
        }
        if value.isEmpty, kind == .directory || kind == .file {
            // An empty path would quietly mean the current folder.
            throw UsageError(command: command, message: "option '\(written)' needs a path, not ''")
        }
        if case .choice(let choices) = kind, !choices.contains(value) {
            let list = choices.joined(separator: ", ")
            throw UsageError(
                command: command,
                message: "option '\(written)' takes one of \(list), not '\(value)'"
            )
        }
        return value
    }

    private func record(
        _ spec: OptionSpec,
        _ value: String?,
        into options: inout [String: [String]],
        command: String?
    ) throws(UsageError) {
        if options[spec.long] != nil {
            throw UsageError(
                command: command,
                message: "option '--\(spec.long)' is given more than once"
            )
        }
        options[spec.long] = value.map { [$0] } ?? []
    }

    private func finish(
        _ command: CommandSpec?,
        _ options: [String: [String]],
        _ positionals: [String],
        _ globals: GlobalOptions,
        wantsHelp: Bool
    ) throws(UsageError) -> ParsedCommandLine {
        guard let command, command.name != "help" else {
            if let command {
                try checkArity(command, positionals)
            }
            if wantsHelp, command != nil {
                return .help(command: "help", globals)
            }
            if let name = positionals.first {
                _ = try lookUp(name)
            }
            return .help(command: positionals.first, globals)
        }
        if wantsHelp {
            return .help(command: command.name, globals)
        }
        try checkArity(command, positionals)
        return .run(Invocation(command: command, options: options, arguments: positionals), globals)
    }

    private func checkArity(_ command: CommandSpec, _ positionals: [String]) throws(UsageError) {
        var minimum = 0
        var maximum: Int? = 0
        for argument in command.arguments {
            switch argument.arity {
            case .required: minimum += 1; maximum = maximum.map { $0 + 1 }
            case .optional: maximum = maximum.map { $0 + 1 }
            case .oneOrMore: minimum += 1; maximum = nil
            case .zeroOrMore: maximum = nil
            }
        }
        if positionals.count < minimum {
            let missing = command.arguments.filter {
                $0.arity == .required || $0.arity == .oneOrMore
            }
            let name = missing[min(positionals.count, missing.count - 1)].name
            throw UsageError(command: command.name, message: "missing \(name)")
        }
        if let maximum, positionals.count > maximum {
            throw UsageError(
                command: command.name,
                message: "unexpected argument '\(positionals[maximum])'"
            )
        }
    }
}

/// A cursor over the tokens being parsed.
private struct ParseState {
    var tokens: [String]
    var index = 0
    var optionsEnded = false

    mutating func next() -> String? {
        guard index < tokens.count else {
            return nil
        }
        defer { index += 1 }
        return tokens[index]
    }
}
