/// What a shell offers for one value: the completion side of a `ValueKind`.
enum CompletionAction: Equatable {
    /// Free text or a number: nothing to offer.
    case nothing
    /// Folders, from the file system.
    case directories
    /// Files, from the file system.
    case files
    /// A fixed list of words.
    case words([String])
    /// Preset names, from `cerebro-conn list --names`.
    case presetNames
    /// The tool's command names, with their descriptions where the shell shows them.
    case commandNames
}

/// The command table as the completion scripts see it: visible commands, the options each
/// accepts and what every option value and argument position takes.
struct CompletionModel {
    /// The commands to complete, in table order, without hidden ones.
    var commands: [CommandSpec]
    /// Options every command accepts, and that may come before the command.
    var globals: [OptionSpec]

    /// The model of the tool's own table.
    static var tool: CompletionModel {
        CompletionModel(commands: CerebroTool.commands, globals: GlobalOptions.specs)
    }

    /// A model of `commands` and `globals`; hidden commands are left out.
    init(commands: [CommandSpec], globals: [OptionSpec]) {
        self.commands = commands.filter { !$0.isHidden }
        self.globals = globals
    }

    /// The tool's name, which the scripts complete.
    var toolName: String { CerebroTool.name }

    /// What the value of `kind` completes to.
    func action(for kind: ValueKind) -> CompletionAction {
        switch kind {
        case .text, .number: .nothing
        case .directory: .directories
        case .file: .files
        case .choice(let words): .words(words)
        case .presetName: .presetNames
        case .shell: .words(Shell.allCases.map(\.rawValue))
        case .commandName: .commandNames
        }
    }

    /// What the value of `option` completes to, or `nil` for a flag.
    func action(for option: OptionSpec) -> CompletionAction? {
        guard case .value(let kind, _) = option.value else {
            return nil
        }
        return action(for: kind)
    }

    /// Every spelling of `option`: `-x` if it has one, then `--long`.
    func spellings(of option: OptionSpec) -> [String] {
        (option.short.map { ["-\($0)"] } ?? []) + ["--\(option.long)"]
    }

    /// The positions of `command`'s arguments: where each starts and whether it takes all
    /// the positions after it.
    func positions(of command: CommandSpec) -> [ArgumentPosition] {
        var result: [ArgumentPosition] = []
        var index = 0
        for argument in command.arguments {
            let isOpenEnded = argument.arity == .oneOrMore || argument.arity == .zeroOrMore
            result.append(
                ArgumentPosition(index: index, isOpenEnded: isOpenEnded, argument: argument)
            )
            if isOpenEnded {
                break
            }
            index += 1
        }
        return result
    }
}

/// Where an argument stands among a command's positional arguments.
struct ArgumentPosition {
    /// The first position it takes, from 0 after the command name.
    var index: Int
    /// Whether it also takes every position after `index`.
    var isOpenEnded: Bool
    /// The argument.
    var argument: ArgumentSpec
}
