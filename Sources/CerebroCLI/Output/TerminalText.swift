/// Makes text safe to write to a terminal.
///
/// Certificate fields, file names and arguments can carry control characters: an escape
/// sequence in a certificate's subject could clear the screen or retitle the window. Every
/// write goes through `safe(_:)`, which keeps line breaks, tabs and the few sequences this tool
/// emits itself (colours, and erasing the progress line) and replaces every other control
/// character, and the bidirectional overrides, with U+FFFD.
enum TerminalText {
    /// `text` with every control character it should not carry replaced.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsCare) else {
            return text
        }

        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            if let kept = ownSequence(at: scalars) {
                output.append(contentsOf: kept)
                scalars = scalars.dropFirst(kept.count)
                continue
            }
            output.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
            scalars = scalars.dropFirst()
        }
        return String(output)
    }

    /// A colour (`ESC [ digits ; ... m`) or the progress line's erase (`CR ESC [ K`) at the start.
    private static func ownSequence(at scalars: Substring.UnicodeScalarView) -> [Unicode.Scalar]? {
        let head = Array(scalars.prefix(12))
        if head.starts(with: ["\r", "\u{1B}", "[", "K"]) {
            return Array(head.prefix(4))
        }
        guard head.starts(with: ["\u{1B}", "["]) else {
            return nil
        }
        var end = 2
        while end < head.count, head[end] == ";" || ("0"..."9").contains(head[end]) {
            end += 1
        }
        return end < head.count && head[end] == "m" ? Array(head.prefix(end + 1)) : nil
    }

    private static func needsCare(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{1B}" || scalar == "\r" || isUnsafe(scalar)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" {
            return false
        }
        if scalar.properties.generalCategory == .control {
            return true
        }
        // Bidirectional overrides and isolates can make a line read differently than it is.
        return ("\u{202A}"..."\u{202E}").contains(scalar)
            || ("\u{2066}"..."\u{2069}").contains(scalar)
    }
}
