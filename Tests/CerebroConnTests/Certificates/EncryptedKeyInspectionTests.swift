import CerebroConn
import Foundation
import Testing

/// Field case 6: an encrypted key is a fact to report, and a passphrase lets the checks go on.
@Suite struct EncryptedKeyInspectionTests {
    static let sentinel = "Sentinel-Passphrase-7f3a"
    static let note =
        "client.key is encrypted (PKCS#8); a passphrase (sslpassword) is needed to use it"
    static let decryptedNote = "client.key is encrypted (PKCS#8); the passphrase decrypts it"

    @Test func encryptedKeyWithoutPassphraseIsANote() throws {
        let pki = try TestPKI()
        let set = try makeEncryptedSet(in: pki)

        let findings = set.inspect()

        #expect(findings.map(\.description) == [Self.note])
        #expect(findings.map(\.severity) == [.note])
        #expect(findings.map(\.kind) == [.keyEncrypted(.pkcs8)])
    }

    @Test func rightPassphraseLetsThePairBeChecked() throws {
        let pki = try TestPKI()
        let set = try makeEncryptedSet(in: pki)

        let findings = set.inspect(passphrase: Self.sentinel)

        // Still a note that the key is encrypted, but no longer a fix asking for a passphrase.
        #expect(findings.map(\.description) == [Self.decryptedNote])
        #expect(findings.map(\.severity) == [.note])
        #expect(findings.map(\.hint) == [nil])
    }

    @Test func rightPassphraseForAnotherPairsKeyFindsTheMismatch() throws {
        let pki = try TestPKI()
        let set = try makeEncryptedSet(in: pki)
        let other = try pki.makeKey("other.key")
        try pki.encryptKey(other, to: "set/client.key", passphrase: Self.sentinel)

        let findings = set.inspect(passphrase: Self.sentinel)

        #expect(
            findings.map(\.description) == [
                Self.decryptedNote,
                "client.crt and client.key do not belong together (public keys differ)",
            ]
        )
    }

    @Test func wrongPassphraseIsAnError() throws {
        let pki = try TestPKI()
        let set = try makeEncryptedSet(in: pki)

        let findings = set.inspect(passphrase: "wrong")

        #expect(
            findings.map(\.description) == [
                Self.note, "could not decrypt client.key (wrong passphrase?)",
            ]
        )
        #expect(findings.map(\.severity) == [.note, .error])
    }

    @Test func traditionalEncryptionIsDetectedByItsHeader() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority("set/ca")
        let leaf = try pki.makeLeaf("plain", keyForm: .rsaPKCS1, issuer: authority)
        let key = try pki.encryptKey(
            leaf.key,
            to: "set/client.key",
            passphrase: Self.sentinel,
            traditional: true
        )
        try pki.setMode(0o600, of: key)
        let certificate = try pki.copy(leaf.certificate, to: "set/client.crt")
        let set = SetUnderTest(certificate: certificate, key: key, authority: authority.certificate)

        #expect(set.inspect().map(\.kind) == [.keyEncrypted(.pkcs1RSA)])
        #expect(set.inspect(passphrase: Self.sentinel).map(\.kind) == [.keyDecrypted(.pkcs1RSA)])
        #expect(
            set.inspect(passphrase: "wrong").map(\.kind) == [
                .keyEncrypted(.pkcs1RSA), .wrongPassphrase,
            ]
        )
    }

    @Test func findingsNeverShowThePassphrase() throws {
        let pki = try TestPKI()
        let set = try makeEncryptedSet(in: pki)
        var texts: [String] = []

        for passphrase in [nil, Self.sentinel, Self.sentinel + "x"] {
            for finding in set.inspect(passphrase: passphrase) {
                texts += [finding.description, finding.hint ?? "", String(reflecting: finding)]
            }
        }

        #expect(!texts.isEmpty)
        #expect(texts.allSatisfy { !$0.contains(Self.sentinel) })
    }

    private func makeEncryptedSet(in pki: TestPKI) throws -> SetUnderTest {
        let (set, _) = try pki.makeSet()
        let key = try #require(set.key)
        try pki.encryptKey(key, to: "set/client.key", passphrase: Self.sentinel)
        try pki.setMode(0o600, of: key)
        return set
    }
}
