/// The cerebro-conn(1) man page in roff (`man 7 man`), derived from the command table.
enum ManPage {
    /// The whole page.
    static func render(
        commands: [CommandSpec] = CerebroTool.commands,
        globals: [OptionSpec] = GlobalOptions.specs
    ) -> String {
        let visible = commands.filter { !$0.isHidden }
        var lines = header() + synopsis() + description()
        lines += [".SH COMMANDS"] + visible.flatMap(section(for:))
        lines += [".SH GLOBAL OPTIONS"] + globals.flatMap(item(for:))
        lines += ToolFacts.sections.flatMap(factSection)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func header() -> [String] {
        let name = CerebroTool.name
        return [
            #".\" Generated from the command table by `\#(name) manpage`; do not edit."#,
            ".TH \(name.uppercased()) 1 \"\" \"\(name) \(CerebroTool.version)\" \"User Commands\"",
            // Ragged right and no hyphenation, so option names are never split.
            ".ad l",
            ".nh",
            ".SH NAME",
            "\(escape(name)) \\- \(escape(CerebroTool.abstract))",
        ]
    }

    private static func synopsis() -> [String] {
        let globals =
            "[\\fB\\-\\-config\\fR \\fIDIR\\fR] [\\fB\\-\\-color\\fR \\fIWHEN\\fR] "
            + "[\\fB\\-q\\fR] [\\fB\\-v\\fR]"
        return [
            ".SH SYNOPSIS",
            ".B \(escape(CerebroTool.name))",
            "\(globals) \\fICOMMAND\\fR [\\fIARGS\\fR...]",
            ".br",
            ".B \(escape(CerebroTool.name))",
            "\\fICOMMAND\\fR \\fB\\-\\-help\\fR",
        ]
    }

    private static func description() -> [String] {
        [".SH DESCRIPTION"] + paragraph(ToolFacts.description)
    }

    /// A `.SS` subsection: usage line, abstract, discussion, arguments and options.
    private static func section(for command: CommandSpec) -> [String] {
        let arguments = command.arguments.map { synopsisWord(argument: $0) }
        let options = command.options.map { "[" + optionSynopsis($0) + "]" }
        var lines = [
            ".SS \(command.name)",
            ".B \(escape(CerebroTool.name)) \(escape(command.name))",
        ]
        if !(arguments + options).isEmpty {
            lines.append((arguments + options).joined(separator: " "))
        }
        lines += [".PP", escape(sentence(command.abstract))]
        if !command.discussion.isEmpty {
            lines += paragraph(command.discussion)
        }
        lines += command.arguments.flatMap {
            [".TP", "\\fI\(escape($0.name))\\fR", escape($0.help)]
        }
        return lines + command.options.flatMap(item(for:))
    }

    /// A `.TP` item for one option.
    private static func item(for option: OptionSpec) -> [String] {
        let short = option.short.map { "\\fB\\-\(escape(String($0)))\\fR, " } ?? ""
        return [".TP", short + optionSynopsis(option), escape(option.help)]
    }

    private static func factSection(_ section: ToolFacts.Section) -> [String] {
        var lines = [".SH \(section.title)"]
        if let text = section.text {
            lines += paragraph(text)
        }
        for (term, text) in section.items {
            lines += [".TP", "\\fB\(escape(term))\\fR", escape(text)]
        }
        return lines
    }

    // MARK: - roff text

    /// `--host` as `\fB\-\-host\fR \fIH[:P]\fR`.
    private static func optionSynopsis(_ option: OptionSpec) -> String {
        let name = "\\fB\\-\\-\(escape(option.long))\\fR"
        guard case .value(_, let placeholder) = option.value else {
            return name
        }
        return name + " \\fI\(escape(placeholder))\\fR"
    }

    private static func synopsisWord(argument: ArgumentSpec) -> String {
        let name = "\\fI\(escape(argument.name))\\fR"
        switch argument.arity {
        case .required: return name
        case .optional: return "[\(name)]"
        case .oneOrMore: return "\(name)..."
        case .zeroOrMore: return "[\(name)...]"
        }
    }

    /// Prose as filled text; lines indented by two spaces are kept as they are, as examples.
    private static func paragraph(_ text: String) -> [String] {
        var lines = [".PP"]
        var isExample = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let example = line.hasPrefix("  ")
            if example != isExample {
                lines += example ? [".PP", ".RS 4", ".nf"] : [".fi", ".RE", ".PP"]
                isExample = example
            }
            lines.append(
                line.isEmpty ? ".PP" : escape(example ? String(line.dropFirst(2)) : String(line))
            )
        }
        return lines + (isExample ? [".fi", ".RE"] : [])
    }

    /// The abstract as a sentence: capitalised, with a final period.
    private static func sentence(_ text: String) -> String {
        guard let first = text.first else {
            return text
        }
        return first.uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
    }

    /// `text` safe as roff input: backslashes, hyphens and quotes escaped, and a line that
    /// would start with a control character guarded with `\&`.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\e"
            case "-": result += "\\-"
            case "'": result += "\\(aq"
            case "`": result += "\\(ga"
            default: result.append(character)
            }
        }
        return result.first == "." ? "\\&" + result : result
    }
}
