// The one file that imports all of Foundation: FoundationEssentials' JSONDecoder says only that
// data is not valid JSON, while Foundation's JSONSerialization says where. Linking Foundation
// costs start-up time and memory (measured by scripts/bench), and a parser of our own to avoid
// it is not worth the risk; so the position comes from Foundation, and only for damaged files.
import Foundation

/// Finds where a damaged JSON text stops being JSON, as Foundation's parser reports it.
enum JSONErrorPosition {
    /// "line L, column C" of the first syntax error in `data`, or `nil` if it parses or
    /// Foundation gives no position.
    static func locate(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            return offset(in: data, error: error).map { lineAndColumn(of: $0, in: data) }
        }
    }

    /// The byte offset Foundation names: "around character N", or the end for a cut-off text.
    private static func offset(in data: Data, error: any Error) -> Int? {
        let text = "\((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? "")"
        if text.contains("end of file") {
            return data.count
        }
        guard let range = text.range(of: #"character (\d+)"#, options: .regularExpression) else {
            return nil
        }
        return Int(text[range].dropFirst("character ".count))
    }

    /// "line L, column C" (both from 1) of a byte offset.
    static func lineAndColumn(of offset: Int, in data: Data) -> String {
        let prefix = data.prefix(offset)
        let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return "line \(line), column \(offset - lineStart + 1)"
    }
}
