import CerebroConn
import Foundation
import Testing

@Suite struct PrivateKeyLoaderTests {
    static let sentinel = "Sentinel-Passphrase-7f3a"

    @Test func plainKeysLoadInEveryForm() throws {
        let pki = try TestPKI()
        let pkcs8 = try pki.makeKey("a/client.key", .rsaPKCS8)
        let pkcs1 = try pki.makeKey("b/client.key", .rsaPKCS1)
        let sec1 = try pki.makeKey("c/client.key", .ecSEC1)
        let der = try pki.derKey(pkcs8, to: "d/client.key")

        let rsa = PublicKeyDescription(algorithm: .rsa, bits: 2048)
        let p256 = PublicKeyDescription(algorithm: .ellipticCurve(curve: "P-256"), bits: 256)
        #expect(
            try PrivateKeyLoader.load(fromFile: pkcs8)
                == PrivateKeySummary(publicKey: rsa, form: .pkcs8, isEncrypted: false)
        )
        #expect(
            try PrivateKeyLoader.load(fromFile: pkcs1)
                == PrivateKeySummary(publicKey: rsa, form: .pkcs1RSA, isEncrypted: false)
        )
        #expect(
            try PrivateKeyLoader.load(fromFile: sec1)
                == PrivateKeySummary(publicKey: p256, form: .sec1EC, isEncrypted: false)
        )
        #expect(
            try PrivateKeyLoader.load(fromFile: der)
                == PrivateKeySummary(publicKey: rsa, form: nil, isEncrypted: false)
        )
    }

    @Test(arguments: [false, true])
    func encryptedKeyLoadsWithTheRightPassphrase(traditional: Bool) throws {
        let pki = try TestPKI()
        let key = try makeEncryptedKey(in: pki, traditional: traditional)

        let summary = try PrivateKeyLoader.load(fromFile: key, passphrase: Self.sentinel)

        #expect(summary.isEncrypted)
        #expect(summary.form == (traditional ? .pkcs1RSA : .pkcs8))
        #expect(summary.publicKey == PublicKeyDescription(algorithm: .rsa, bits: 2048))
    }

    @Test(arguments: [false, true])
    func wrongPassphraseIsTyped(traditional: Bool) throws {
        let pki = try TestPKI()
        let key = try makeEncryptedKey(in: pki, traditional: traditional)

        #expect(throws: CertificateFileError.wrongPassphrase(path: key)) {
            try PrivateKeyLoader.load(fromFile: key, passphrase: "not-" + Self.sentinel)
        }
    }

    /// Run with stdin from /dev/null: OpenSSL must not prompt, and the call must return at once.
    @Test(arguments: [false, true])
    func missingPassphraseFailsAtOnceWithoutAPrompt(traditional: Bool) throws {
        let pki = try TestPKI()
        let key = try makeEncryptedKey(in: pki, traditional: traditional)
        let clock = ContinuousClock()
        let start = clock.now

        #expect(throws: CertificateFileError.needsPassphrase(path: key)) {
            try PrivateKeyLoader.load(fromFile: key)
        }

        #expect(clock.now - start < .seconds(2))
    }

    @Test func certificateInTheKeySlotHasNoKey() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let key = try pki.copy(authority.certificate, to: "client.key")

        #expect(throws: CertificateFileError.noPrivateKey(path: key)) {
            try PrivateKeyLoader.load(fromFile: key)
        }
    }

    @Test func encryptedDERKeyIsNotSupported() throws {
        let pki = try TestPKI()
        let key = try pki.derKey(pki.makeKey("plain.key"), to: "client.key", passphrase: "pw")

        #expect(
            throws: CertificateFileError.undecodable(
                path: key,
                reasons: ["encrypted DER keys are not supported"]
            )
        ) {
            try PrivateKeyLoader.load(fromFile: key, passphrase: "pw")
        }
    }

    @Test func errorsNeverShowThePassphrase() throws {
        let pki = try TestPKI()
        let key = try makeEncryptedKey(in: pki, traditional: false)
        var texts: [String] = []

        for passphrase in [nil, Self.sentinel + "x", ""] {
            do {
                _ = try PrivateKeyLoader.load(fromFile: key, passphrase: passphrase)
            } catch {
                texts.append(error.description)
                texts.append(String(reflecting: error))
            }
        }

        #expect(texts.count == 6)
        #expect(texts.allSatisfy { !$0.contains(Self.sentinel) })
    }

    @Test func passphraseErrorsReadAsInFieldCase6() {
        let path = "/home/u/certs/sec/client.key"

        #expect(
            CertificateFileError.needsPassphrase(path: path).description
                == "client.key is encrypted; a passphrase (sslpassword) is required"
        )
        #expect(
            CertificateFileError.wrongPassphrase(path: path).description
                == "could not decrypt client.key (wrong passphrase?)"
        )
    }

    private func makeEncryptedKey(in pki: TestPKI, traditional: Bool) throws -> String {
        let plain = try pki.makeKey("plain.key", traditional ? .rsaPKCS1 : .rsaPKCS8)
        return try pki.encryptKey(
            plain,
            to: "client.key",
            passphrase: Self.sentinel,
            traditional: traditional
        )
    }
}
