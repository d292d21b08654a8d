import Foundation
import Testing

/// Field case 28: certificates outside their validity window, checked before connecting.
@Suite struct CertificateValidityLiveTests {
    @Test func expiredClientCertificateStopsBeforeLibpq() throws {
        let session = try LiveSession()
        let folder = session.path("yb")
        try session.authority().makeSet(
            in: folder,
            validity: ("19700119101009Z", "19700119185545Z")
        )
        try session.add("yb", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "-v", "yb"])
        let json = try session.run(["test", "yb", "--json"])

        #expect(result.status == 3)
        #expect(result.out == "yb: not attempted\n")
        #expect(
            result.err
                == "error: yb: client.crt expired on 1970-01-19 18:55:45 UTC (in \(folder)); "
                + "ask your CA for a new client certificate\n"
        )
        let object = try #require(try JSONObjects.parse(json.out).first)
        #expect(object["status"] as? String == "not attempted")
        #expect(
            object["cause"] as? String
                == "client.crt expired on 1970-01-19 18:55:45 UTC (in \(folder))"
        )
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["severity"] as? String } == ["error"])
        #expect(findings.map { $0["file"] as? String } == [folder + "/client.crt"])
    }

    @Test func fixturesExpiredSetStopsBeforeLibpq() throws {
        let session = try LiveSession()
        try session.add("expired", ["--ssl", "--certdir", session.set("expired")])

        let result = try session.run(["test", "expired"])

        #expect(result.status == 3)
        #expect(
            result.err.hasPrefix("error: expired: client.crt expired on 2020-01-02 00:00:00 UTC")
        )
    }

    @Test func notYetValidClientCertificateStopsBeforeLibpq() throws {
        let session = try LiveSession()
        let folder = session.path("future")
        let start = Date(
            timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 + 86_400
        )
        let end = start.addingTimeInterval(365 * 86_400)
        try session.authority().makeSet(
            in: folder,
            validity: (FixtureAuthority.time(start), FixtureAuthority.time(end))
        )
        try session.add("future", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "future"])

        let date = CertificateText.utc(start)
        #expect(result.status == 3)
        #expect(
            result.err.hasPrefix(
                "error: future: client.crt is not valid before \(date) UTC (in \(folder)); check the system clock"
            )
        )
    }

    /// Field case 28, CA variant: an expired ca.crt is a warning naming its subject; the
    /// connection goes ahead (and here fails, since that CA did not sign the server).
    @Test func expiredAuthorityIsAWarningNamingItsSubject() throws {
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "oldca", only: ["client.crt", "client.key"])
        let signer = try session.authority()
        try signer.makeKey(session.path("old-ca.key"))
        try signer.selfSign(
            folder + "/ca.crt",
            key: session.path("old-ca.key"),
            subject: "/CN=Old Studio CA",
            validity: ("20200101000000Z", "20200102000000Z")
        )
        try session.add("oldca", ["--ssl", "--verify", "ca", "--certdir", folder])

        let result = try session.run(["test", "oldca"])

        #expect(result.status == 1)
        #expect(
            result.err.contains(
                "warning: oldca: ca.crt: certificate 'CN=Old Studio CA' expired on "
                    + "2020-01-02 00:00:00 UTC (in \(folder)); "
            )
        )
        #expect(
            result.err.contains(
                "error: oldca: the certificate of localhost:\(session.server.port) is not signed by \(folder)/ca.crt"
            )
        )
    }
}

/// Dates as messages print them.
enum CertificateText {
    static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
