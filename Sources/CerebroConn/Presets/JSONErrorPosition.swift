internal import CJansson

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Finds where a damaged JSON text stops being JSON.
///
/// Presets are decoded with Foundation's `JSONDecoder`, which says only that data is not valid
/// JSON. Foundation's `JSONSerialization` says where, but linking all of Foundation for it costs
/// every run about 2 ms and 7 MiB (measured by scripts/bench), so the position of a damaged
/// file comes from the Jansson C library instead, called only after the decoder has failed.
enum JSONErrorPosition {
    /// Where the first syntax error in `data` is ("line L, column C", the column just past the
    /// offending token) and what it is, or `nil` if Jansson finds none.
    static func locate(in data: Data) -> (position: String, problem: String)? {
        var error = json_error_t()
        let parsed = data.withUnsafeBytes { bytes in
            json_loadb(
                bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                bytes.count,
                0,
                &error
            )
        }
        if let parsed {
            json_delete(parsed)
            return nil
        }

        let text = withUnsafeBytes(of: error.text) { bytes in
            String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        // Jansson quotes the text at the error ("near '\"Hunter2'"): a password typed into the
        // file by hand would be printed with it, so only the line and column point there.
        let reason = text.firstRange(of: " near '").map { String(text[..<$0.lowerBound]) } ?? text
        return ("line \(error.line), column \(error.column)", reason)
    }
}
