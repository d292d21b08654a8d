/// Text for a terminal as runs: words, and the few control sequences this tool emits itself.
///
/// Words can come from anywhere (a preset name on the command line, a damaged file's name, a
/// certificate's subject), so they are made safe when the text is rendered, whatever they
/// contain. Colours and the progress line's erase are separate runs, rendered after that, so a
/// word can never pass for one of them.
public struct StyledText: Sendable, Equatable {
    /// One piece of the text.
    enum Run: Sendable, Equatable {
        /// Words, shown as they are once made safe.
        case words(String)
        /// Words in a colour.
        case painted(String, Color, isBold: Bool)
        /// Back to the start of the line, erasing it (`CR ESC [ K`).
        case eraseLine
    }

    /// The runs, in order.
    var runs: [Run]

    /// Plain words.
    public init(_ words: String) {
        runs = words.isEmpty ? [] : [.words(words)]
    }

    private init(runs: [Run]) {
        self.runs = runs
    }

    /// `words` in `color`.
    public static func painted(_ words: String, _ color: Color, bold: Bool = false) -> StyledText {
        StyledText(runs: [.painted(words, color, isBold: bold)])
    }

    /// Moves to the start of the line and erases it.
    public static let eraseLine = StyledText(runs: [.eraseLine])

    /// `lhs` followed by `rhs`.
    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        StyledText(runs: lhs.runs + rhs.runs)
    }

    /// `lhs` followed by the words `rhs`.
    public static func + (lhs: StyledText, rhs: String) -> StyledText {
        lhs + StyledText(rhs)
    }

    /// The words `lhs` followed by `rhs`.
    public static func + (lhs: String, rhs: StyledText) -> StyledText {
        StyledText(lhs) + rhs
    }

    /// The bytes for a terminal: every run of words made safe, then the sequences added.
    var rendered: String {
        var text = ""
        for run in runs {
            switch run {
            case .words(let words):
                text += TerminalText.safe(words)
            case .painted(let words, let color, let isBold):
                text += color.escape(bold: isBold) + TerminalText.safe(words) + Color.reset
            case .eraseLine:
                text += "\r\u{1B}[K"
            }
        }
        return text
    }
}

extension StyledText: ExpressibleByStringLiteral {
    /// Plain words from a literal.
    public init(stringLiteral words: String) {
        self.init(words)
    }
}
