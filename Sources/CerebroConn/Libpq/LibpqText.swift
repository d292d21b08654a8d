#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes text that libpq returns, which is not always valid UTF-8.
enum LibpqText {
    /// Decodes a C string, replacing invalid UTF-8 and control characters other than line
    /// breaks and tabs, so that garbage bytes never reach a terminal as escape sequences.
    static func decode(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else {
            return ""
        }
        // String(cString:) repairs invalid UTF-8 with U+FFFD. Plain printable ASCII, the usual
        // case, needs nothing more.
        let text = String(cString: pointer)
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) {
            return text
        }
        let cleaned = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            if scalar == "\n" || scalar == "\t" {
                return scalar
            }
            return scalar.properties.generalCategory == .control ? "\u{FFFD}" : scalar
        }
        return String(String.UnicodeScalarView(cleaned))
    }

    /// Decodes an optional C string, mapping `nil` and empty to `nil`.
    static func optional(_ pointer: UnsafePointer<CChar>?) -> String? {
        let text = decode(pointer)
        return text.isEmpty ? nil : text
    }
}
