/// The kind of value an option or argument takes; completion and help are derived from it.
public enum ValueKind: Sendable, Equatable {
    /// Free text.
    case text
    /// A whole number.
    case number
    /// A folder path.
    case directory
    /// A file path.
    case file
    /// One of a fixed list.
    case choice([String])
    /// The name of an existing preset.
    case presetName
    /// A shell name for completion scripts.
    case shell
    /// The name of a command of this tool.
    case commandName
}

/// One option of a command, declared once for parsing, help, completion and the man page.
public struct OptionSpec: Sendable, Equatable {
    /// What the option takes.
    public enum Value: Sendable, Equatable {
        /// A flag that takes nothing.
        case flag
        /// One value of `kind`, shown as `placeholder` in help.
        case value(ValueKind, placeholder: String)
    }

    /// The long name without dashes.
    public var long: String
    /// The one-letter name, if any.
    public var short: Character?
    /// What it takes.
    public var value: Value
    /// One line of help.
    public var help: String

    /// An option with a value.
    public static func value(
        _ long: String,
        _ kind: ValueKind,
        placeholder: String,
        short: Character? = nil,
        help: String
    ) -> OptionSpec {
        OptionSpec(
            long: long,
            short: short,
            value: .value(kind, placeholder: placeholder),
            help: help
        )
    }

    /// A flag.
    public static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, value: .flag, help: help)
    }

    /// How the option is written in a usage line, such as `--host H[:P]`.
    public var synopsis: String {
        switch value {
        case .flag: "--\(long)"
        case .value(_, let placeholder): "--\(long) \(placeholder)"
        }
    }
}

/// One positional argument of a command.
public struct ArgumentSpec: Sendable, Equatable {
    /// How many values the argument takes.
    public enum Arity: Sendable, Equatable {
        /// Exactly one.
        case required
        /// Zero or one.
        case optional
        /// One or more.
        case oneOrMore
        /// Zero or more.
        case zeroOrMore
    }

    /// The placeholder shown in help, such as `NAME`.
    public var name: String
    /// What it takes.
    public var kind: ValueKind
    /// How many.
    public var arity: Arity
    /// One line of help.
    public var help: String

    /// How the argument is written in a usage line.
    public var synopsis: String {
        switch arity {
        case .required: name
        case .optional: "[\(name)]"
        case .oneOrMore: "\(name)..."
        case .zeroOrMore: "[\(name)...]"
        }
    }
}

/// One command: its name, help, arguments, options and the code that runs it.
public struct CommandSpec: Sendable {
    /// The command's name.
    public var name: String
    /// One line saying what it does.
    public var abstract: String
    /// More help, shown by `--help` and in the man page.
    public var discussion: String
    /// Its positional arguments, in order.
    public var arguments: [ArgumentSpec]
    /// Its own options (the global ones are added by the table).
    public var options: [OptionSpec]
    /// Whether help, completion and the man page leave it out (a tool for packagers).
    public var isHidden: Bool
    /// The code that runs it.
    public var run: @Sendable (Invocation, CommandContext) throws -> ExitStatus

    /// A command.
    public init(
        name: String,
        abstract: String,
        discussion: String = "",
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [],
        isHidden: Bool = false,
        run: @escaping @Sendable (Invocation, CommandContext) throws -> ExitStatus
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.isHidden = isHidden
        self.run = run
    }
}
