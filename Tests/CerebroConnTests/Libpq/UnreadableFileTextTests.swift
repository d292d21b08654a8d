import Testing

@testable import CerebroConn

/// libpq 15 can report an unreadable file with uninitialised bytes as its reason: the text is
/// decoded without trusting it, and the cause is still recognised from the words around it.
@Suite struct UnreadableFileTextTests {
    /// The reference's garbage (`EM-RM-^SLIV` under `cat -v`): invalid UTF-8 and control bytes.
    static let garbage: [UInt8] = [
        0x45, 0x4D, 0xD2, 0x93, 0x4C, 0x49, 0x56, 0x1B, 0x5B, 0x32, 0x4A, 0xFF,
    ]

    func decoded(_ prefix: String) -> String {
        let bytes = Array(prefix.utf8) + Self.garbage + [0]
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { LibpqText.decode($0.baseAddress) }
        }
    }

    @Test func garbageBecomesReplacementCharactersAndNoEscapeSurvives() {
        let text = decoded(#"could not load private key file "/d/client.key": "#)

        #expect(text.hasPrefix(#"could not load private key file "/d/client.key": EM"#))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("\u{FFFD}"))
    }

    @Test(arguments: [
        #"could not load private key file "/d/client.key": "#,
        #"could not read certificate file "/d/client.crt": "#,
        #"could not read root certificate file "/d/ca.crt": "#,
    ])
    func causeIsAnUnreadableFileWhateverTheReason(_ prefix: String) {
        let message = #"connection to server at "127.0.0.1", port 5433 failed: "# + decoded(prefix)
        let failure = ConnectionFailure(kind: .rejected, message: message, timedOut: false)

        guard case .unreadableFile(let path) = FailureCause.recognise(failure) else {
            Issue.record("not recognised as an unreadable file: \(message)")
            return
        }
        #expect(path.hasPrefix("/d/"))
    }
}
