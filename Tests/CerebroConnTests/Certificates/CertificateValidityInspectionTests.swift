import CerebroConn
import Foundation
import Testing

@Suite struct CertificateValidityInspectionTests {
    /// Field case 28: a client certificate valid only on 19 January 1970.
    @Test func expiredClientCertificateIsAnError() throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet(validity: .januaryNineteenSeventy)

        let findings = set.inspect()

        #expect(findings.map(\.description) == ["client.crt expired on 1970-01-19 18:55:45 UTC"])
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.map(\.hint) == ["ask your CA for a new client certificate"])
    }

    /// Field case 28, future variant.
    @Test func notYetValidClientCertificateIsAnError() throws {
        let now = wholeSecondNow()
        let start = now.addingTimeInterval(86_400)
        let pki = try TestPKI()
        let validity = Validity(from: start, to: now.addingTimeInterval(400 * 86_400))
        let (set, _) = try pki.makeSet(validity: validity)

        let findings = set.inspect(now: now)

        #expect(
            findings.map(\.description) == ["client.crt is not valid before \(utcText(start)) UTC"]
        )
        #expect(findings.map(\.severity) == [.error])
    }

    @Test func clientCertificateEndingWithin30DaysIsAWarning() throws {
        let now = wholeSecondNow()
        let end = now.addingTimeInterval(10 * 86_400)
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet(
            validity: Validity(from: now.addingTimeInterval(-60), to: end)
        )

        let findings = set.inspect(now: now)

        #expect(
            findings.map(\.description) == ["client.crt expires on \(utcText(end)) UTC, in 10 days"]
        )
        #expect(findings.map(\.severity) == [.warning])
    }

    @Test func clientCertificateEndingAfter30DaysIsFine() throws {
        let now = wholeSecondNow()
        let pki = try TestPKI()
        let validity = Validity(
            from: now.addingTimeInterval(-60),
            to: now.addingTimeInterval(31 * 86_400)
        )
        let (set, _) = try pki.makeSet(validity: validity)

        #expect(set.inspect(now: now) == [])
    }

    /// Field case 28, CA variant: a warning that names the CA's subject.
    @Test func expiredCAIsAWarningNamingItsSubject() throws {
        let pki = try TestPKI()
        let oldAuthority = try pki.makeAuthority(
            "set/ca",
            subject: "/O=Cerebro Test/CN=Old Test CA",
            validity: Validity(notBefore: "20000101000000Z", notAfter: "20100101000000Z")
        )
        let leaf = try pki.makeLeaf("set/client", issuer: oldAuthority)
        try pki.setMode(0o600, of: leaf.key)
        let set = SetUnderTest(
            certificate: leaf.certificate,
            key: leaf.key,
            authority: oldAuthority.certificate
        )

        let findings = set.inspect()

        #expect(
            findings.map(\.description) == [
                "ca.crt: certificate 'CN=Old Test CA,O=Cerebro Test' expired on "
                    + "2010-01-01 00:00:00 UTC"
            ]
        )
        #expect(findings.map(\.severity) == [.warning])
    }

    @Test func expiredCAInABundleIsNamedAmongGoodOnes() throws {
        let pki = try TestPKI()
        let (set, authority) = try pki.makeSet()
        let old = try pki.makeAuthority(
            "old",
            subject: "/CN=Retired CA",
            validity: Validity(notBefore: "20000101000000Z", notAfter: "20100101000000Z")
        )
        try pki.concatenate([old.certificate, authority.certificate], to: "set/ca.crt")

        let findings = set.inspect()

        #expect(
            findings.map(\.kind) == [
                .otherCertificateExpired(
                    subject: "CN=Retired CA",
                    notAfter: try #require(utcDate(2010, 1, 1, 0, 0, 0))
                )
            ]
        )
    }
}
