/// Where and why a text stopped being JSON.
struct JSONSyntaxError: Error, Equatable {
    /// The byte offset of the first byte that does not fit, or the length at an early end.
    var offset: Int
    /// What was expected there.
    var reason: String
}

/// A strict JSON reader (RFC 8259) that turns UTF-8 bytes into a `JSONValue`.
///
/// It exists so that reading a preset needs neither `JSONSerialization` (which links all of
/// Foundation into the tool) nor `Codable` probing, and so that a damaged file is reported at
/// the exact byte where it stops being JSON.
struct JSONReader {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// Containers nested deeper than this are refused rather than risk the stack.
    static let maximumDepth = 256

    /// Reads the one JSON value that `bytes` must hold, with nothing but white space around it.
    static func value(of bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        let value = try reader.readValue()

        reader.skipWhiteSpace()
        guard reader.index == bytes.count else {
            throw reader.failure("the end of the text after the value")
        }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: - Values

    private mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhiteSpace()
        guard let byte = peek() else {
            throw failure("a value")
        }
        switch byte {
        case UInt8(ascii: "{"):
            try enterContainer()
            defer { depth -= 1 }
            return .object(try readObject())
        case UInt8(ascii: "["):
            try enterContainer()
            defer { depth -= 1 }
            return .array(try readArray())
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try readWord("true", .bool(true))
        case UInt8(ascii: "f"): return try readWord("false", .bool(false))
        case UInt8(ascii: "n"): return try readWord("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try readNumber())
        default: throw failure("a value")
        }
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else {
            throw failure("at most \(Self.maximumDepth) nested arrays and objects")
        }
        depth += 1
    }

    private mutating func readObject() throws(JSONSyntaxError) -> [String: JSONValue] {
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhiteSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return members
        }
        while true {
            skipWhiteSpace()
            guard peek() == UInt8(ascii: "\"") else {
                throw failure("a member name in double quotes")
            }
            let name = try readString()

            try expect(UInt8(ascii: ":"), "':' after the member name")
            members[name] = try readValue()

            skipWhiteSpace()
            if try endOfList(closing: UInt8(ascii: "}")) {
                return members
            }
        }
    }

    private mutating func readArray() throws(JSONSyntaxError) -> [JSONValue] {
        index += 1
        var elements: [JSONValue] = []
        skipWhiteSpace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        while true {
            elements.append(try readValue())

            skipWhiteSpace()
            if try endOfList(closing: UInt8(ascii: "]")) {
                return elements
            }
        }
    }

    /// Consumes `,` (returning `false`) or `closing` (returning `true`).
    private mutating func endOfList(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        switch peek() {
        case UInt8(ascii: ","):
            index += 1
            return false
        case closing:
            index += 1
            return true
        default:
            throw failure("',' or '\(Character(Unicode.Scalar(closing)))'")
        }
    }

    private mutating func readWord(
        _ word: String,
        _ value: JSONValue
    ) throws(JSONSyntaxError) -> JSONValue {
        for expected in word.utf8 {
            guard peek() == expected else {
                throw failure("'\(word)'")
            }
            index += 1
        }
        return value
    }

    // MARK: - Numbers

    private mutating func readNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        if peek() == UInt8(ascii: "-") {
            index += 1
        }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            try readDigits()
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            try readDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") {
                index += 1
            }
            try readDigits()
        }

        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            throw JSONSyntaxError(offset: start, reason: "a number that fits in a double")
        }
        return number
    }

    private mutating func readDigits() throws(JSONSyntaxError) {
        guard let first = peek(), isDigit(first) else {
            throw failure("a digit")
        }
        while let byte = peek(), isDigit(byte) {
            index += 1
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    // MARK: - Strings

    private mutating func readString() throws(JSONSyntaxError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        while true {
            guard let byte = peek() else {
                throw failure("'\"' to end the string")
            }
            switch byte {
            case UInt8(ascii: "\""):
                try appendUTF8(run..<index, to: &scalars)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try appendUTF8(run..<index, to: &scalars)
                scalars.append(try readEscape())
                run = index
            case 0..<0x20:
                throw failure("a control character written as an escape")
            default:
                index += 1
            }
        }
    }

    private func appendUTF8(
        _ range: Range<Int>,
        to scalars: inout String.UnicodeScalarView
    ) throws(JSONSyntaxError) {
        guard let text = String(validating: bytes[range], as: UTF8.self) else {
            throw JSONSyntaxError(offset: range.lowerBound, reason: "text in UTF-8")
        }
        scalars.append(contentsOf: text.unicodeScalars)
    }

    private mutating func readEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        index += 1
        guard let byte = peek() else {
            throw failure("an escape")
        }
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(byte)
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): return try readUnicodeEscape()
        default:
            index -= 1
            throw failure("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
        }
    }

    /// Reads the four hex digits after `\u`, and a second escape when they are a surrogate.
    private mutating func readUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let start = index - 2
        let unit = try readHexQuad()
        var code = UInt32(unit)
        if (0xD800..<0xDC00).contains(unit) {
            guard peek() == UInt8(ascii: "\\"), peek(at: 1) == UInt8(ascii: "u") else {
                throw JSONSyntaxError(offset: start, reason: "a low surrogate after a high one")
            }
            index += 2
            let low = try readHexQuad()
            guard (0xDC00..<0xE000).contains(low) else {
                throw JSONSyntaxError(offset: start, reason: "a low surrogate after a high one")
            }
            code = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw JSONSyntaxError(offset: start, reason: "a Unicode scalar value")
        }
        return scalar
    }

    private mutating func readHexQuad() throws(JSONSyntaxError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw failure("four hexadecimal digits")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: - Bytes

    private func peek(at distance: Int = 0) -> UInt8? {
        index + distance < bytes.count ? bytes[index + distance] : nil
    }

    private mutating func skipWhiteSpace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\r")
        {
            index += 1
        }
    }

    private mutating func expect(
        _ byte: UInt8,
        _ description: String
    ) throws(JSONSyntaxError) {
        skipWhiteSpace()
        guard peek() == byte else {
            throw failure(description)
        }
        index += 1
    }

    private func failure(_ expected: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: index, reason: "expected \(expected)")
    }
}
