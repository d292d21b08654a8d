import Foundation
import Testing

/// Field case 6: encrypted client keys against the real server.
///
/// The passphrase is found to be
/// needed, wrong or right before libpq is called, and it never shows up anywhere.
@Suite struct PassphraseLiveTests {
    static let passphrase = "Sentinel-Passphrase-91c4"

    /// A copy of the good set whose key is encrypted with `passphrase`.
    func encryptedSet(_ session: LiveSession, traditional: Bool = false) throws -> String {
        let folder = session.path("sec")
        let authority = try session.authority()
        try authority.makeSet(in: folder, keyForm: traditional ? .rsaPKCS1 : .ecPKCS8)
        let command = traditional ? ["rsa", "-traditional"] : ["pkey"]
        try authority.openssl(
            command + [
                "-in", folder + "/client.key", "-aes256", "-passout", "pass:" + Self.passphrase,
                "-out", folder + "/client.enc",
            ]
        )
        try FileManager.default.removeItem(atPath: folder + "/client.key")
        try FileManager.default.moveItem(
            atPath: folder + "/client.enc",
            toPath: folder + "/client.key"
        )
        try authority.setMode(0o600, folder + "/client.key")
        return folder
    }

    func passphraseFile(_ session: LiveSession, _ text: String, mode: Int = 0o600) throws -> String
    {
        let path = session.path("passphrase")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func noTerminalAndNoFileStopsAtOnce() throws {
        let session = try LiveSession()
        let folder = try encryptedSet(session)
        try session.add("sec", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "sec"])

        #expect(result.status == 3)
        #expect(
            result.err
                == "error: sec: client.key is encrypted; a passphrase (sslpassword) is required (in \(folder)); "
                + "run on a terminal to be asked, or pass '--passphrase-file FILE' (mode 0600)\n"
        )
    }

    @Test(arguments: [false, true])
    func passphraseFileConnects(traditional: Bool) throws {
        let session = try LiveSession()
        let folder = try encryptedSet(session, traditional: traditional)
        let header = try String(contentsOfFile: folder + "/client.key", encoding: .utf8)
        try session.add("sec", ["--ssl", "--certdir", folder])
        let file = try passphraseFile(session, Self.passphrase + "\n")

        let result = try session.run(["test", "sec", "--passphrase-file", file])
        let json = try session.run(["test", "sec", "--json", "--passphrase-file", file])

        #expect(
            header.contains(traditional ? "Proc-Type: 4,ENCRYPTED" : "BEGIN ENCRYPTED PRIVATE KEY")
        )
        #expect(result.status == 0, "\(result.err)")
        #expect(json.status == 0, "\(json.err)")
        for output in [result.out, result.err, json.out, json.err] {
            #expect(!output.contains(Self.passphrase))
        }
    }

    @Test func wrongPassphraseIsFoundBeforeLibpq() throws {
        let session = try LiveSession()
        let folder = try encryptedSet(session)
        try session.add("sec", ["--ssl", "--certdir", folder])
        let file = try passphraseFile(session, "not-" + Self.passphrase + "\n")

        let result = try session.run(["test", "-v", "sec", "--passphrase-file", file])

        #expect(result.status == 3)
        #expect(
            result.err
                == "error: sec: could not decrypt client.key (wrong passphrase?) (in \(folder)); check the passphrase\n"
        )
    }

    @Test func passphraseFileOpenToOthersIsRefused() throws {
        let session = try LiveSession()
        let folder = try encryptedSet(session)
        try session.add("sec", ["--ssl", "--certdir", folder])
        let file = try passphraseFile(session, Self.passphrase, mode: 0o644)

        let result = try session.run(["test", "sec", "--passphrase-file", file])

        #expect(result.status == 3)
        #expect(result.out == "")
        #expect(
            result.err.hasPrefix(
                "error: passphrase file \(file) has mode 0644; it must be 0600 or stricter\n"
            )
        )
        #expect(!result.err.contains(Self.passphrase))
    }

    /// On a terminal the passphrase is asked for once per key file, even for two presets that
    /// share the key, and it is never written to the presets' files.
    @Test func terminalIsAskedOncePerKeyFile() throws {
        let session = try LiveSession()
        let folder = try encryptedSet(session)
        try session.add("one", ["--ssl", "--certdir", folder])
        try session.add("two", ["--ssl", "--certdir", folder])

        let result = session.runInProcess(
            ["test", "one", "two"],
            input: [Self.passphrase],
            terminal: true
        )

        let prompt = "passphrase for \(folder)/client.key: "
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.hasPrefix(prompt))
        #expect(result.err.components(separatedBy: "passphrase for").count == 2)
        #expect(!result.out.contains(Self.passphrase))
        let presets = try FileManager.default.contentsOfDirectory(
            atPath: session.path("config/presets")
        )
        for file in presets {
            let text = try String(
                contentsOfFile: session.path("config/presets/" + file),
                encoding: .utf8
            )
            #expect(!text.contains(Self.passphrase))
        }
    }

    @Test func terminalWithoutAnAnswerStops() throws {
        let session = try LiveSession()
        let folder = try encryptedSet(session)
        try session.add("sec", ["--ssl", "--certdir", folder])

        let result = session.runInProcess(["test", "sec"], input: [], terminal: true)

        #expect(result.status == 3)
        #expect(
            result.err.hasSuffix(
                "error: sec: no passphrase was entered for client.key (in \(folder)); type the "
                    + "passphrase at the prompt, or pass '--passphrase-file FILE' (mode 0600)\n"
            )
        )
    }
}
