import CerebroConn

/// Writes everything that is not a result to standard error, at the chosen verbosity and with
/// colour only where allowed.
public struct Diagnostics: Sendable {
    /// The terminal written to.
    public var terminal: Terminal
    /// Below zero: quiet; above zero: verbose.
    public var verbosity: Int
    /// Whether standard error gets colour.
    public var colorsErrors: Bool
    /// Whether standard output gets colour.
    public var colorsResults: Bool
    /// Whether a line may be redrawn in place on standard error, as `test`'s progress is.
    public var redrawsLines: Bool

    /// Diagnostics for `terminal` under `globals` and `environment`.
    public init(terminal: Terminal, globals: GlobalOptions, environment: Environment) {
        self.terminal = terminal
        self.verbosity = globals.verbosity
        self.colorsErrors = Self.allowsColor(globals.color, terminal.errorIsTerminal, environment)
        self.colorsResults = Self.allowsColor(globals.color, terminal.outputIsTerminal, environment)
        // Redrawing moves the cursor, which a dumb terminal cannot do; it is not colour, so
        // `--color` and NO_COLOR leave it alone.
        self.redrawsLines = terminal.errorIsTerminal && environment["TERM"] != "dumb"
    }

    /// Whether verbose detail is wanted.
    public var isVerbose: Bool { verbosity > 0 }

    /// Whether only results and errors are wanted.
    public var isQuiet: Bool { verbosity < 0 }

    /// Reports an error with its fix.
    public func error(_ message: Message) {
        emit("error", .red, message)
    }

    /// Reports a warning with its fix; silent under `-q`.
    public func warning(_ message: Message) {
        if !isQuiet {
            emit("warning", .yellow, message)
        }
    }

    /// Reports a note; silent under `-q`.
    public func note(_ text: String) {
        if !isQuiet {
            emit("note", .cyan, Message(text))
        }
    }

    /// Reports detail shown only under `-v`.
    public func detail(_ text: String) {
        if isVerbose {
            terminal.writeErr(text.hasSuffix("\n") ? text : text + "\n")
        }
    }

    /// Writes a result line to standard output.
    public func result(_ text: String) {
        terminal.writeOut(text + "\n")
    }

    /// Writes a result line, perhaps partly painted, to standard output.
    public func result(_ text: StyledText) {
        terminal.writeOut(text + "\n")
    }

    /// `text` painted for standard output when colour is allowed there.
    public func paintResult(_ text: String, _ color: Color) -> StyledText {
        colorsResults ? .painted(text, color) : StyledText(text)
    }

    private func emit(_ label: String, _ color: Color, _ message: Message) {
        let prefix: StyledText =
            colorsErrors ? .painted("\(label):", color, bold: true) : StyledText("\(label):")
        var text = " \(message.text)\n"
        if let hint = message.hint {
            text += "  hint: \(hint)\n"
        }
        terminal.writeErr(prefix + text)
    }

    private static func allowsColor(
        _ mode: ColorMode,
        _ isTerminal: Bool,
        _ environment: Environment
    ) -> Bool {
        switch mode {
        case .always: true
        case .never: false
        case .auto:
            // The subscript reads an empty variable as unset: no-color.org turns colour off
            // only for a NO_COLOR that is present and not empty.
            isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        }
    }
}

/// A user-facing message: what happened, and how to fix it.
public struct Message: Sendable, Equatable {
    /// What happened, naming the input.
    public var text: String
    /// How to fix it, if there is a fix to give.
    public var hint: String?

    /// A message with an optional hint.
    public init(_ text: String, hint: String? = nil) {
        self.text = text
        self.hint = hint
    }
}

/// The few ANSI colours the tool uses.
public enum Color: String, Sendable {
    /// Errors and rejections.
    case red = "31"
    /// Warnings and no response.
    case yellow = "33"
    /// Success.
    case green = "32"
    /// Notes.
    case cyan = "36"

    /// The escape sequence that starts this colour (`ESC [ 31 m`, or `ESC [ 1 ; 31 m` bold).
    func escape(bold: Bool) -> String {
        "\u{1B}[\(bold ? "1;" : "")\(rawValue)m"
    }

    /// The escape sequence that ends any colour.
    static let reset = "\u{1B}[0m"
}
