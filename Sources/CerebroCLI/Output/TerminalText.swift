/// Makes words safe to write to a terminal.
///
/// Certificate fields, file names and arguments can carry control characters: an escape
/// sequence in a preset name or a certificate's subject could recolour the screen, clear it or
/// retitle the window. `safe(_:)` keeps line breaks and tabs and replaces every other control
/// character, and the bidirectional overrides, with U+FFFD. It keeps no escape sequence, not
/// even one shaped like the tool's own colours: those are `StyledText` runs, added after the
/// words have been made safe, so nothing in the words can pass for them.
enum TerminalText {
    /// `text` with every control character it should not carry replaced.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else {
            return text
        }

        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            output.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(output)
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
