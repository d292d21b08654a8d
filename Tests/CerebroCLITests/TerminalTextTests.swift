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
            // Shaped like the tool's own colour and erase, and replaced all the same.
            ("upload:\u{1B}[31mproj", "upload:\u{FFFD}[31mproj"),
            ("\r\u{1B}[Ktesting 2 presets", "\u{FFFD}\u{FFFD}[Ktesting 2 presets"),
            ("\u{1B}[1;31merror:\u{1B}[0m x", "\u{FFFD}[1;31merror:\u{FFFD}[0m x"),
            ("a\rb", "a\u{FFFD}b"),
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
        let err = TextBuffer()
        let terminal = Terminal(writeOut: { out.append($0) }, writeErr: { err.append($0) })

        terminal.writeOut("CN=\u{1B}]0;title\u{07}")
        terminal.writeErr("x\u{1B}[31mred\n")

        #expect(out.contents == "CN=\u{FFFD}]0;title\u{FFFD}")
        #expect(err.contents == "x\u{FFFD}[31mred\n")
    }

    @Test func styledTextKeepsItsOwnSequencesAndReplacesTheWords() {
        let text: StyledText =
            .eraseLine + .painted("error:", .red, bold: true) + " '\u{1B}[32mok\u{1B}[0m'"
            + .painted("x\u{1B}[K", .green)

        #expect(
            text.rendered
                == "\r\u{1B}[K\u{1B}[1;31merror:\u{1B}[0m '\u{FFFD}[32mok\u{FFFD}[0m'"
                + "\u{1B}[32mx\u{FFFD}[K\u{1B}[0m"
        )
    }

    @Test func promptsAreMadeSafe() {
        let prompts = TextBuffer()
        let terminal = Terminal(
            writeOut: { _ in },
            writeErr: { _ in },
            readLine: { prompt, _ in
                prompts.append(prompt)
                return nil
            }
        )

        _ = terminal.readLine("passphrase for /tmp/\u{1B}]0;x\u{07}/client.key: ", false)

        #expect(prompts.contents == "passphrase for /tmp/\u{FFFD}]0;x\u{FFFD}/client.key: ")
    }
}
