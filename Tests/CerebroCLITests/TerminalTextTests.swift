import Testing

@testable import CerebroCLI

/// Text from certificates and arguments never reaches a terminal as a control sequence.
struct TerminalTextTests {
    @Test(
        arguments: [
            ("plain text\nand\ttabs", "plain text\nand\ttabs"),
            (
                "CN=evil\u{1B}[2J\u{1B}]0;pwned\u{07}name",
                "CN=evil\u{FFFD}[2J\u{FFFD}]0;pwned\u{FFFD}name"
            ),
            ("upload:\u{1B}[31mproj", "upload:\u{1B}[31mproj"),
            ("a\rb", "a\u{FFFD}b"),
            ("\r\u{1B}[Ktesting 2 presets", "\r\u{1B}[Ktesting 2 presets"),
            ("\u{1B}[1;31merror:\u{1B}[0m x", "\u{1B}[1;31merror:\u{1B}[0m x"),
            ("x\u{202E}gnp.exe", "x\u{FFFD}gnp.exe"),
            ("\u{9B}31m", "\u{FFFD}31m"),
            ("del\u{7F}", "del\u{FFFD}"),
        ]
    )
    func unsafeControlsAreReplaced(input: String, expected: String) {
        #expect(TerminalText.safe(input) == expected)
    }

    @Test func everyWriteGoesThroughIt() {
        let out = TextBuffer()
        let terminal = Terminal(writeOut: { out.append($0) }, writeErr: { _ in })

        terminal.writeOut("CN=\u{1B}]0;title\u{07}")

        #expect(out.contents == "CN=\u{FFFD}]0;title\u{FFFD}")
    }
}
