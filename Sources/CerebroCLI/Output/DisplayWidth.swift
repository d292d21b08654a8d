internal import CTextWidth

/// How many terminal columns a text takes, for lining up tables.
///
/// A preset name may hold CJK characters or emoji, which a terminal draws two columns wide, and
/// combining marks, which take none. The C library's `wcwidth` knows these widths. Each grapheme
/// cluster counts as its widest scalar, so a base letter with its marks, or an emoji sequence,
/// is one glyph; a scalar `wcwidth` cannot place (a control, which `TerminalText` shows as
/// U+FFFD, or any scalar on a system without a UTF-8 locale) counts as one column.
enum DisplayWidth {
    /// The columns `text` takes.
    static func of(_ text: String) -> Int {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.count
        }

        return text.reduce(0) { total, character in
            let widest = character.unicodeScalars.map { CTextWidth_columns($0.value) }.max()
            return total + Int(min(2, max(1, widest ?? 1)))
        }
    }

    /// Pads `text` with spaces to `width` columns.
    static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }
}
