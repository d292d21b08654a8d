import Foundation
import Testing

@testable import CerebroConn

/// The preset file reader: what it accepts, and the byte where it stops on what it refuses.
struct JSONReaderTests {
    /// One document and what it must read as.
    struct Valid: Sendable, CustomTestStringConvertible {
        var label: String
        var text: String
        var value: JSONValue
        var testDescription: String { label }
    }

    /// One damaged document, the offset of the first byte that does not fit, and the reason.
    struct Invalid: Sendable, CustomTestStringConvertible {
        var label: String
        var text: String
        var offset: Int
        var reason: String
        var testDescription: String { label }
    }

    static let valid: [Valid] = [
        Valid(label: "empty object", text: " {} ", value: .object([:])),
        Valid(
            label: "scalars",
            text: #"[true, false, null, 0, -1.5e2, 10]"#,
            value: .array([
                .bool(true), .bool(false), .null, .number(0), .number(-150), .number(10),
            ])
        ),
        Valid(
            label: "nested",
            text: "{\"a\": {\"b\": [1, {\"c\": []}]}}\n",
            value: .object([
                "a": .object(["b": .array([.number(1), .object(["c": .array([])])])])
            ])
        ),
        Valid(
            label: "escapes",
            text: #""q\" b\\ s\/ \b\f\n\r\t""#,
            value: .string("q\" b\\ s/ \u{08}\u{0C}\n\r\t")
        ),
        Valid(
            label: "unicode escapes",
            text: #""\u00e9\u20AC\ud83d\ude00""#,
            value: .string("é€😀")
        ),
        Valid(label: "raw UTF-8", text: "\"Zoë's 東京 preset\"", value: .string("Zoë's 東京 preset")),
        Valid(
            label: "last duplicate wins",
            text: #"{"a": 1, "a": 2}"#,
            value: .object(["a": .number(2)])
        ),
    ]

    static let invalid: [Invalid] = [
        Invalid(label: "empty", text: "", offset: 0, reason: "expected a value"),
        Invalid(
            label: "missing colon",
            text: "{\n  \"host\" \"h\"\n}",
            offset: 11,
            reason: "expected ':' after the member name"
        ),
        Invalid(label: "cut short", text: #"{"name": "#, offset: 9, reason: "expected a value"),
        Invalid(
            label: "trailing comma",
            text: #"{"a": 1,}"#,
            offset: 8,
            reason: "expected a member name in double quotes"
        ),
        Invalid(
            label: "two values",
            text: "{} {}",
            offset: 3,
            reason: "expected the end of the text after the value"
        ),
        Invalid(label: "bare word", text: "[tru]", offset: 4, reason: "expected 'true'"),
        Invalid(label: "leading zero", text: "[01]", offset: 2, reason: "expected ',' or ']'"),
        Invalid(label: "lone minus", text: "[-]", offset: 2, reason: "expected a digit"),
        Invalid(
            label: "bad escape",
            text: #""a\x""#,
            offset: 3,
            reason: #"expected one of \" \\ \/ \b \f \n \r \t \u"#
        ),
        Invalid(
            label: "raw newline in string",
            text: "\"a\nb\"",
            offset: 2,
            reason: "expected a control character written as an escape"
        ),
        Invalid(
            label: "unpaired surrogate",
            text: #""\ud83d x""#,
            offset: 1,
            reason: "a low surrogate after a high one"
        ),
        Invalid(
            label: "unterminated string",
            text: #"{"a"#,
            offset: 3,
            reason: "expected '\"' to end the string"
        ),
        Invalid(
            label: "too large",
            text: "[1e999]",
            offset: 1,
            reason: "a number that fits in a double"
        ),
        Invalid(
            label: "too deep",
            text: String(repeating: "[", count: 300),
            offset: 256,
            reason: "expected at most 256 nested arrays and objects"
        ),
    ]

    @Test(arguments: valid)
    func reads(_ example: Valid) throws {
        #expect(try JSONReader.value(of: Array(example.text.utf8)) == example.value)
    }

    @Test(arguments: invalid)
    func refusesAtTheFirstByteThatDoesNotFit(_ example: Invalid) {
        #expect(throws: JSONSyntaxError(offset: example.offset, reason: example.reason)) {
            try JSONReader.value(of: Array(example.text.utf8))
        }
    }

    @Test func invalidUTF8InAStringIsRefused() {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x22]

        #expect(throws: JSONSyntaxError(offset: 1, reason: "text in UTF-8")) {
            try JSONReader.value(of: bytes)
        }
    }

    @Test func agreesWithJSONSerializationOnAWrittenPreset() throws {
        let preset = Preset(
            name: "a \"quoted\" name",
            host: "h1,h2",
            user: "zoë",
            certificateFolder: "/c/d"
        )
        let data = try PresetFile.encode(preset)

        let decoded = try PresetFile.decode(data, path: "/p")

        #expect(decoded == preset)
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
    }
}
