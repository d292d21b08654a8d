import CerebroConn
import Foundation
import Testing

/// The names a host is matched against, and a set decoded for `certs`.
@Suite struct HostNamesAndDetailsTests {
    @Test func alternativeNamesComeInCertificateOrderWithoutTheCommonName() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let leaf = try pki.makeLeaf(
            "server",
            subject: "/CN=db.example.test",
            issuer: authority,
            alternativeNames: [
                "DNS:db.example.test", "IP:127.0.0.1", "email:it@example.test", "IP:::1",
            ]
        )

        let summary = try #require(try CertificateSummary.read(fromFile: leaf.certificate).first)

        #expect(summary.hostNames == ["db.example.test", "127.0.0.1", "::1"])
    }

    /// libpq checks the common name when no DNS name is given, so it is listed first.
    @Test func commonNameCountsWhenThereIsNoDNSName() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let byAddress = try pki.makeLeaf(
            "a",
            subject: "/CN=db",
            issuer: authority,
            alternativeNames: ["IP:10.0.0.5"]
        )
        let plain = try pki.makeLeaf("b", subject: "/CN=db", issuer: authority)

        let addressSummary = try #require(
            try CertificateSummary.read(fromFile: byAddress.certificate).first
        )
        let plainSummary = try #require(
            try CertificateSummary.read(fromFile: plain.certificate).first
        )

        #expect(addressSummary.hostNames == ["db", "10.0.0.5"])
        #expect(plainSummary.hostNames == ["db"])
    }

    @Test func detailsDecodeEachFileAndFindWhatEndsSoon() throws {
        let pki = try TestPKI()
        let (files, _) = try pki.makeSet(validity: .current(days: 10))
        let folder = pki.path("set")
        let set = CertificateSet(
            folder: folder,
            role: .preset,
            naming: .plain,
            authority: folder + "/ca.crt"
        )

        let details = CertificateSetInspector().details(of: set)

        #expect(details.files.map(\.slot) == [.clientCertificate, .clientKey, .authority])
        #expect(details.files.map(\.path) == [files.certificate, files.key, files.authority])
        #expect(details.files[0].certificates.map(\.commonName) == ["cerebro_user"])
        #expect(details.files[1].key?.publicKey.description == "EC P-256")
        #expect(details.files[1].mode == 0o600)
        #expect(details.findings.map(\.severity) == [.warning])
        let soon = details.certificates(endingBefore: Date().addingTimeInterval(30 * 86_400))
        #expect(soon.map(\.path) == [files.certificate].compactMap { $0 })
    }

    @Test func detailsSayAKeyIsEncryptedWithoutAPassphrase() throws {
        let pki = try TestPKI()
        let (files, _) = try pki.makeSet()
        let key = try #require(files.key)
        try pki.encryptKey(key, to: "set/client.key", passphrase: "p")
        let folder = pki.path("set")
        let set = CertificateSet(folder: folder, role: .preset, naming: .plain, authority: nil)

        let details = CertificateSetInspector().details(of: set)

        #expect(details.files.map(\.slot) == [.clientCertificate, .clientKey])
        #expect(details.files[1].isEncryptedKey)
        #expect(details.files[1].key == nil)
    }
}
