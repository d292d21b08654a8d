import CerebroConn
import Foundation
import Testing

/// A UTC instant from calendar fields.
func utcDate(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int)
    -> Date?
{
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = DateComponents(
        year: year,
        month: month,
        day: day,
        hour: hour,
        minute: minute,
        second: second
    )
    return calendar.date(from: parts)
}

@Suite struct CertificateSummaryTests {
    @Test func leafFieldsAreDecoded() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let leaf = try pki.makeLeaf(
            subject: "/O=Cerebro Test/OU=upload:ProjA:projB/CN=cerebro_user",
            keyForm: .rsaPKCS8,
            issuer: authority,
            validity: Validity(notBefore: "20250101000000Z", notAfter: "20351231235959Z"),
            serial: "1F2E3D4C",
            alternativeNames: [
                "DNS:client.example.test", "IP:192.0.2.7", "IP:2001:db8::7",
                "email:ops@example.test",
            ]
        )

        let summaries = try CertificateSummary.read(fromFile: leaf.certificate)

        let summary = try #require(summaries.first)
        #expect(summaries.count == 1)
        #expect(summary.subject == "CN=cerebro_user,OU=upload:ProjA:projB,O=Cerebro Test")
        #expect(summary.issuer == "CN=Cerebro Test CA,O=Cerebro Test")
        #expect(summary.commonName == "cerebro_user")
        #expect(summary.organizationalUnits == ["upload:ProjA:projB"])
        #expect(summary.serialNumber == "1F2E3D4C")
        #expect(summary.notBefore == utcDate(2025, 1, 1, 0, 0, 0))
        #expect(summary.notAfter == utcDate(2035, 12, 31, 23, 59, 59))
        #expect(
            summary.subjectAlternativeNames == [
                .dns("client.example.test"), .ipAddress("192.0.2.7"), .ipAddress("2001:db8::7"),
                .email("ops@example.test"),
            ]
        )
        #expect(summary.publicKey == PublicKeyDescription(algorithm: .rsa, bits: 2048))
        #expect(summary.isCertificateAuthority == false)
        #expect(summary.uploadScope == .projects(["ProjA", "projB"]))
    }

    @Test func authorityFieldsAreDecoded() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority(subject: "/O=Cerebro Test/CN=Cerebro Test CA")

        let summary = try #require(CertificateSummary.read(fromFile: authority.certificate).first)

        #expect(summary.subject == summary.issuer)
        #expect(summary.isCertificateAuthority)
        #expect(summary.publicKey.algorithm == .ellipticCurve(curve: "P-256"))
        #expect(summary.publicKey.bits == 256)
        #expect(summary.subjectAlternativeNames.isEmpty)
        #expect(summary.uploadScope == .none)
    }

    @Test func uploadStarMeansAnyProject() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let leaf = try pki.makeLeaf(subject: "/OU=upload:*/CN=any", issuer: authority)

        let summary = try #require(CertificateSummary.read(fromFile: leaf.certificate).first)

        #expect(summary.uploadScope == .anyProject)
        #expect(summary.uploadScope.permits(project: "Anything"))
    }

    @Test func ed25519KeyIsNamed() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let leaf = try pki.makeLeaf(keyForm: .ed25519, issuer: authority)

        let summary = try #require(CertificateSummary.read(fromFile: leaf.certificate).first)

        #expect(summary.publicKey == PublicKeyDescription(algorithm: .ed25519, bits: 256))
    }

    @Test func utf8NamesStayReadable() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let subject = "/O=Cerebro Test/CN=Zoë Ångström"
        let leaf = try pki.makeLeaf(subject: subject, issuer: authority)

        let summary = try #require(CertificateSummary.read(fromFile: leaf.certificate).first)

        #expect(summary.commonName == "Zoë Ångström")
        #expect(summary.subject == "CN=Zoë Ångström,O=Cerebro Test")
    }

    @Test func datesOfFieldCase28AreExact() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let leaf = try pki.makeLeaf(issuer: authority, validity: .januaryNineteenSeventy)

        let summary = try #require(CertificateSummary.read(fromFile: leaf.certificate).first)

        #expect(summary.notBefore == utcDate(1970, 1, 19, 10, 10, 9))
        #expect(
            summary.notAfter == Date(timeIntervalSince1970: 18 * 86_400 + 18 * 3_600 + 55 * 60 + 45)
        )
    }

    @Test func everyCertificateOfAChainIsRead() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let leaf = try pki.makeLeaf(issuer: authority)
        let chain = try pki.concatenate([leaf.certificate, authority.certificate], to: "chain.crt")

        let summaries = try CertificateSummary.read(fromFile: chain)

        #expect(summaries.map(\.commonName) == ["cerebro_user", "Cerebro Test CA"])
    }

    @Test func derCertificateIsRead() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let der = try pki.derCertificate(authority.certificate, to: "ca.der")

        let summaries = try CertificateSummary.read(fromFile: der)

        #expect(summaries.map(\.commonName) == ["Cerebro Test CA"])
    }

    @Test func keyFileHasNoCertificate() throws {
        let pki = try TestPKI()
        let key = try pki.makeKey("client.key")

        #expect(throws: CertificateFileError.noCertificate(path: key)) {
            try CertificateSummary.read(fromFile: key)
        }
    }
}
