#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Help text, derived from the command table.
enum HelpText {
    /// The usage line of a command, or of the tool.
    static func usageLine(for command: CommandSpec?) -> String {
        guard let command else {
            return "\(CerebroTool.name) [--config DIR] [--color WHEN] [-q] [-v] COMMAND [ARGS...]"
        }
        let arguments = command.arguments.map(\.synopsis)
        let options = command.options.map { "[\($0.synopsis)]" }
        return ([CerebroTool.name, command.name] + arguments + options).joined(separator: " ")
    }

    /// The full help of a command, or of the tool when `nil`.
    static func render(command: CommandSpec?) -> String {
        guard let command else {
            return toolHelp()
        }
        var text = "\(command.abstract)\n\nusage: \(usageLine(for: command))\n"
        if !command.discussion.isEmpty {
            text += "\n\(command.discussion)\n"
        }
        if !command.arguments.isEmpty {
            text += "\narguments:\n" + rows(command.arguments.map { ($0.synopsis, $0.help) })
        }
        if !command.options.isEmpty {
            text += "\noptions:\n" + rows(command.options.map { (label($0), $0.help) })
        }
        text += "\nglobal options:\n" + rows(GlobalOptions.specs.map { (label($0), $0.help) })
        return text
    }

    private static func toolHelp() -> String {
        var text = "Connect to Cerebro databases over SSL: presets, certificate lookup and "
            + "real connection checks.\n\nusage: \(usageLine(for: nil))\n\ncommands:\n"
        text += rows(CerebroTool.commands.map { ($0.name, $0.abstract) })
        text += "  help [COMMAND]      show help for a command\n"
        text += "\nglobal options:\n" + rows(GlobalOptions.specs.map { (label($0), $0.help) })
        text += "\nSee '\(CerebroTool.name) COMMAND --help' or 'man \(CerebroTool.name)'.\n"
        return text
    }

    /// The left column of an option: `-v, --verbose` or `    --host H[:P]`.
    static func label(_ option: OptionSpec) -> String {
        (option.short.map { "-\($0), " } ?? "    ") + option.synopsis
    }

    private static func rows(_ pairs: [(String, String)]) -> String {
        let width = 20
        return pairs.map { left, right in
            let gap = String(repeating: " ", count: max(width - 2 - left.count, 0))
            let padded = left.count < width - 2 ? left + gap : left
            let separator = left.count < width - 2 ? "" : "\n" + String(repeating: " ", count: width)
            return "  \(padded)\(separator)\(right)\n"
        }.joined()
    }
}
