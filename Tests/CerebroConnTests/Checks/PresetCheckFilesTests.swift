import Foundation
import Testing

@testable import CerebroConn

/// The checks `PresetCheck.run` makes before libpq: an error stops the check as not attempted.
///
/// Presets point at port 1 of 127.0.0.1, where nothing listens: a check that reaches libpq
/// ends as `.failed` with no response, so `.notAttempted` proves libpq was never called.
@Suite struct PresetCheckFilesTests {
    static let passphrase = "Sentinel-Passphrase-3d21"
    let folder = TemporaryFolder()

    func check(
        _ set: SetUnderTest,
        level: VerificationLevel = .full,
        passphrases: KeyPassphrases = .none
    ) throws -> CheckResult {
        let setFolder = try #require(set.key.map { ($0 as NSString).deletingLastPathComponent })
        let store = PresetStore(configurationDirectory: folder.path + "/config")
        let name = "p-\(level.rawValue)"
        let preset = Preset(
            name: name,
            host: "127.0.0.1",
            port: 1,
            user: "cerebro_user",
            sslRequired: true,
            verification: level,
            certificateFolder: setFolder,
            connectTimeout: 2
        )
        try store.create(preset)
        var checker = PresetCheck(
            store: store,
            lookup: CertificateLookup(environment: Environment(["HOME": folder.path]))
        )
        checker.passphrases = passphrases
        return checker.run(name)
    }

    @Test func expiredClientCertificateIsNotAttempted() throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet(validity: .januaryNineteenSeventy)

        let result = try check(set)

        guard case .notAttempted(.certificates(let findings)) = result.outcome else {
            Issue.record("expected not attempted, got \(result.outcome)")
            return
        }
        #expect(findings.map(\.description) == ["client.crt expired on 1970-01-19 18:55:45 UTC"])
        #expect(result.clientCertificate?.commonName == "cerebro_user")
    }

    @Test func warningsAloneLetTheConnectionGoAhead() throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet(validity: .current(days: 5))

        let result = try check(set)

        guard case .failed(let failure) = result.outcome else {
            Issue.record("expected an attempt, got \(result.outcome)")
            return
        }
        #expect(failure.kind == .noResponse)
        #expect(result.findings.map(\.severity) == [.warning])
    }

    /// Under level none libpq gets no CA, so ca.crt is not checked.
    @Test func authorityIsCheckedOnlyWhenLibpqGetsIt() throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet()
        try pki.write("not a certificate", to: "set/ca.crt")

        let full = try check(set, level: .full)
        let none = try check(set, level: .none)

        if case .notAttempted(.certificates(let findings)) = full.outcome {
            #expect(findings.map(\.path) == [pki.path("set/ca.crt")])
        } else {
            Issue.record("expected not attempted, got \(full.outcome)")
        }
        #expect(none.findings == [])
    }

    @Test func encryptedKeyWithoutAPassphraseIsNotAttempted() throws {
        let (pki, set, key) = try encryptedSet()

        let result = try withExtendedLifetime(pki) { try check(set) }

        guard case .notAttempted(.passphrase(let problem)) = result.outcome else {
            Issue.record("expected not attempted, got \(result.outcome)")
            return
        }
        #expect(problem == .required(keyPath: key))
    }

    @Test func wrongPassphraseIsNotAttempted() throws {
        let (pki, set, _) = try encryptedSet()

        let result = try withExtendedLifetime(pki) {
            try check(set, passphrases: KeyPassphrases { _ in .success("wrong") })
        }

        guard case .notAttempted(.certificates(let findings)) = result.outcome else {
            Issue.record("expected not attempted, got \(result.outcome)")
            return
        }
        #expect(findings.map(\.description) == ["could not decrypt client.key (wrong passphrase?)"])
    }

    @Test func rightPassphraseGoesAheadAndIsNeverInTheResult() throws {
        let (pki, set, _) = try encryptedSet()

        let result = try withExtendedLifetime(pki) {
            try check(set, passphrases: KeyPassphrases { _ in .success(Self.passphrase) })
        }

        guard case .failed(let failure) = result.outcome else {
            Issue.record("expected an attempt, got \(result.outcome)")
            return
        }
        #expect(failure.kind == .noResponse)
        #expect(!String(describing: result).contains(Self.passphrase))
    }

    /// The missing root certificate libpq would complain about cannot happen: the plan refuses.
    @Test func verificationWithoutCAIsNotAttempted() throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet()
        try FileManager.default.removeItem(atPath: try #require(set.authority))

        let result = try check(set)

        guard case .notAttempted(.plan(.missingAuthority(let level, _))) = result.outcome else {
            Issue.record("expected not attempted, got \(result.outcome)")
            return
        }
        #expect(level == .full)
    }

    /// A set whose key is encrypted with `passphrase`, the PKI that holds it, and the key.
    private func encryptedSet() throws -> (TestPKI, SetUnderTest, String) {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet()
        let key = try #require(set.key)
        try pki.encryptKey(key, to: "set/client.key", passphrase: Self.passphrase)
        try pki.setMode(0o600, of: key)
        return (pki, set, key)
    }
}
