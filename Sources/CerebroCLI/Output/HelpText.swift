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
            text += "\n" + reflow(command.discussion).joined(separator: "\n") + "\n"
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
        let commands = CerebroTool.commands.filter { !$0.isHidden }
        var text = "\(CerebroTool.name): \(CerebroTool.abstract)\n\n"
        text += "usage: \(usageLine(for: nil))\n\ncommands:\n"
        text += rows(commands.map { ($0.name, $0.abstract) })
        text += "\nglobal options:\n" + rows(GlobalOptions.specs.map { (label($0), $0.help) })
        text += "\nSee '\(CerebroTool.name) COMMAND --help' or 'man \(CerebroTool.name)'.\n"
        return text
    }

    /// The left column of an option: `-v, --verbose` or `    --host H[:P]`.
    static func label(_ option: OptionSpec) -> String {
        (option.short.map { "-\($0), " } ?? "    ") + option.synopsis
    }

    /// The width help text is wrapped to, so it reads in an 80-column terminal.
    static let lineWidth = 80

    /// Two columns: the left one indented by 2 and padded to 20; the right one wrapped to
    /// `lineWidth`, starting on the next line when the left one is too long.
    private static func rows(_ pairs: [(String, String)]) -> String {
        let width = 20
        let indent = String(repeating: " ", count: width)
        return pairs.map { left, right in
            let lines = wrap(right, width: lineWidth - width)
            let first = lines.first ?? ""
            let rest = lines.dropFirst().map { indent + $0 + "\n" }.joined()
            guard left.count < width - 3 else {
                return "  \(left)\n\(indent)\(first)\n" + rest
            }
            let padding = String(repeating: " ", count: width - 2 - left.count)
            return "  \(left)\(padding)\(first)\n" + rest
        }.joined()
    }

    /// Prose re-wrapped to `lineWidth`: runs of plain lines become one paragraph; lines that
    /// start with two spaces (examples) and empty lines are kept as they are.
    static func reflow(_ text: String) -> [String] {
        var lines: [String] = []
        var paragraph: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty || line.hasPrefix("  ") {
                lines += fill(paragraph)
                lines.append(String(line))
                paragraph = []
            } else {
                paragraph.append(line)
            }
        }
        return lines + fill(paragraph)
    }

    private static func fill(_ paragraph: [Substring]) -> [String] {
        paragraph.isEmpty ? [] : wrap(paragraph.joined(separator: " "), width: lineWidth)
    }

    /// `text` cut into lines of at most `width` characters at spaces; a longer word stays whole.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + [line]
    }
}
