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
        let bytes = UnsafeBufferPointer(start: pointer, count: strlen(pointer))
        let text = String(decoding: bytes.lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
