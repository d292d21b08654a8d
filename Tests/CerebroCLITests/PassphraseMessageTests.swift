import Foundation
import Testing

/// What `test` says about passphrases, once one is given or when the file cannot give one.
struct PassphraseMessageTests {
    /// Runs `test` on a preset with `--passphrase-file file`; the file is read before any
    /// preset, so the preset need not exist.
    func testWithPassphraseFile(_ file: String, _ scratch: Scratch) -> ToolOutput {
        ToolHarness.run(
            ["test", "any", "--passphrase-file", file],
            environment: scratch.environment
        )
    }

    @Test func aFileWhoseFirstLineIsEmptyIsNotCalledEmpty() throws {
        let scratch = Scratch()
        let file = scratch.path + "/passphrase"
        try Data("\nS3cretPW\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)

        let result = testWithPassphraseFile(file, scratch)

        #expect(result.status == 3)
        #expect(
            result.err
                == "error: passphrase file \(file): its first line is empty\n"
                + "  hint: put the passphrase on the first line: only that line is read\n"
        )
        #expect(!result.err.contains("S3cretPW"))
    }

    @Test func aFolderGetsAHint() {
        let scratch = Scratch()

        let result = testWithPassphraseFile(scratch.path, scratch)

        #expect(result.status == 3)
        #expect(
            result.err
                == "error: passphrase file \(scratch.path) is not a regular file\n"
                + "  hint: pass the file that holds the passphrase, not a folder or a device\n"
        )
    }

    @Test func theFindingOfADecryptedKeyAsksForNothing() throws {
        let session = try LiveSession()
        let folder = try PassphraseLiveTests().encryptedSet(session)
        try session.add("sec", ["--ssl", "--certdir", folder])
        let file = try PassphraseLiveTests().passphraseFile(
            session,
            PassphraseLiveTests.passphrase + "\n"
        )

        let result = try session.run(["test", "sec", "--json", "--passphrase-file", file])

        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONObjects.parse(result.out).first)
        let findings = try #require(object["findings"] as? [[String: String]])
        #expect(
            findings == [
                [
                    "severity": "note",
                    "file": folder + "/client.key",
                    "message": "client.key is encrypted (PKCS#8); the passphrase decrypts it",
                ]
            ]
        )
    }
}
