import Testing

@testable import CerebroConn

/// libpq's text reaches a terminal only as valid UTF-8 without control characters.
struct LibpqTextTests {
    @Test(
        arguments: [
            ([0x6F, 0x6B], "ok"),
            ([0x61, 0x0A, 0x09, 0x62], "a\n\tb"),
            ([0x1B, 0x5B, 0x32, 0x4A], "\u{FFFD}[2J"),
            ([0x7F], "\u{FFFD}"),
            ([0xC3, 0xA9, 0xC2, 0x85], "é\u{FFFD}"),
            ([0xFF, 0x41], "\u{FFFD}A"),
        ] as [([UInt8], String)]
    )
    func decodeKeepsPrintableTextAndReplacesTheRest(bytes: [UInt8], text: String) {
        let decoded = (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { LibpqText.decode($0.baseAddress) }
        }

        #expect(decoded == text)
    }

    @Test func absentAndEmptyTextAreNil() {
        #expect(LibpqText.decode(nil) == "")
        #expect(LibpqText.optional(nil) == nil)
        #expect("".withCString { LibpqText.optional($0) } == nil)
    }
}
