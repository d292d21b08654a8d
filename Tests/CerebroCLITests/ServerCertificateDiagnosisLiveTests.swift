import Foundation
import Testing

@testable import CerebroCLI
@testable import CerebroConn

/// Failures caused by the server's side of TLS, produced by a real TLS peer (`FakeTLSServer`,
/// which is `openssl s_server` behind an SSLRequest answer) or by the fixture's server, and
/// explained by `test` in one line with the cause and the fix.
@Suite struct ServerCertificateDiagnosisLiveTests {
    /// A server certificate from the fixture's own CA that ended in 2020: libpq says only
    /// `certificate verify failed`, and verifying the peeked chain again finds the date.
    @Test(arguments: ["full", "ca"])
    func expiredServerCertificateFromTheRightCASaysWhenItExpired(level: String) throws {
        let session = try LiveSession()
        let server = try Self.fakeServer(session, validity: ("20200101000000Z", "20200102000000Z"))
        try session.add(
            "expired",
            port: String(server.port),
            ["--ssl", "--verify", level, "--certdir", session.set("good")]
        )

        let text = try session.run(["test", "-v", "expired"])
        let json = try session.run(["test", "expired", "--json"])

        #expect(text.status == 1)
        #expect(
            LiveSession.lines(text.err, startingWith: "error:") == [
                "error: expired: the certificate of localhost:\(server.port) expired on "
                    + "2020-01-02 00:00:00 UTC; ask the server's administrator to renew it"
            ]
        )
        #expect(text.err.contains("SSL error: certificate verify failed"))
        let object = try #require(try JSONObjects.parse(json.out).first)
        #expect(object["exit_code"] as? Int == 1)
        #expect(object["fix"] as? String == "ask the server's administrator to renew it")
        let certificate = try #require(object["server_certificate"] as? [String: Any])
        #expect(certificate["not_after"] as? String == "2020-01-02T00:00:00Z")
        #expect(certificate["issuer"] as? String == "CN=cerebro-conn test CA")
    }

    @Test func serverCertificateNotValidYetSaysFromWhen() throws {
        let session = try LiveSession()
        let (start, end) = FixtureAuthority.window(fromDays: 2, toDays: 400)
        let server = try Self.fakeServer(session, validity: (start, end))
        try session.add(
            "future",
            port: String(server.port),
            ["--ssl", "--certdir", session.set("good")]
        )

        let result = try session.run(["test", "future"])

        let day = start.prefix(8)
        let date = "\(day.prefix(4))-\(day.dropFirst(4).prefix(2))-\(day.suffix(2))"
        let clock = start.dropFirst(8).prefix(6)
        let time = "\(clock.prefix(2)):\(clock.dropFirst(2).prefix(2)):\(clock.suffix(2))"
        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: future: the certificate of localhost:\(server.port) is not valid before "
                    + "\(date) \(time) UTC; check this machine's clock, or ask the server's "
                    + "administrator for a certificate that is valid now"
            ]
        )
    }

    /// The CA in ca.crt is the one that signed the server's certificate, and it has expired.
    @Test func expiredCAInTheCAFileIsNamedAsTheFileToUpdate() throws {
        let session = try LiveSession()
        let signing = try session.authority("old-ca")
        let caKey = session.path("old-ca/ca.key")
        try signing.makeKey(caKey)
        let oldCA = session.path("old-ca/ca.crt")
        try signing.selfSign(
            oldCA,
            key: caKey,
            subject: "/CN=retired test CA",
            validity: ("20200101000000Z", "20200301000000Z")
        )
        let authority = try FixtureAuthority(
            folder: session.path("old-ca/signing"),
            certificate: oldCA,
            key: caKey
        )
        let server = try Self.fakeServer(session, authority: authority)
        let folder = try session.copySet("good", to: "old-set", only: ["client.crt", "client.key"])
        try FileManager.default.copyItem(atPath: oldCA, toPath: folder + "/ca.crt")
        try session.add("oldca", port: String(server.port), ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "oldca"])

        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: oldca: \(folder)/ca.crt holds the CA certificate 'CN=retired test CA' "
                    + "that signs the certificate of localhost:\(server.port), and it expired on "
                    + "2020-03-01 00:00:00 UTC; put the CA's renewed certificate in "
                    + "\(folder)/ca.crt"
            ]
        )
    }

    /// A server that offers only TLS 1.1: the server's "protocol version" alert is not about
    /// the client certificate.
    @Test func serverWithOnlyOldTLSVersionsIsNotBlamedOnTheClientCertificate() throws {
        let session = try LiveSession()
        let server = try FakeTLSServer(
            certificate: session.server.pki + "/server.crt",
            key: session.server.pki + "/server.key",
            arguments: ["-tls1_1", "-cipher", "ALL:@SECLEVEL=0"]
        )
        try session.add(
            "old",
            port: String(server.port),
            ["--ssl", "--certdir", session.set("good")]
        )

        let result = try session.run(["test", "-v", "old"])

        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: old: localhost:\(server.port) offers no TLS version that libpq accepts "
                    + "(TLS 1.2 or 1.3); ask the server's administrator to enable TLS 1.2 or 1.3"
            ]
        )
        #expect(result.err.contains("SSL error: tlsv1 alert protocol version"))
        #expect(result.err.contains("between TLSv1.2 and TLSv1.3."))
    }

    /// `HangingServer` answers the SSLRequest with 'N', as a server with `ssl = off` does.
    @Test func serverWithoutSSLSaysSo() throws {
        let session = try LiveSession()
        let server = try HangingServer()
        try session.add(
            "nossl",
            host: "127.0.0.1",
            port: String(server.port),
            ["--ssl", "--certdir", session.set("good")]
        )

        let result = try session.run(["test", "nossl"])

        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: nossl: 127.0.0.1:\(server.port) does not offer SSL: the server has ssl = "
                    + "off, or it is not the PostgreSQL server meant; check --host and --port, or "
                    + "ask the server's administrator to turn ssl on"
            ]
        )
    }

    // MARK: - Helpers

    /// A fake server presenting a certificate for localhost and 127.0.0.1 signed by `authority`
    /// (the fixture's CA by default), valid over `validity`.
    static func fakeServer(
        _ session: LiveSession,
        authority: FixtureAuthority? = nil,
        validity: (String, String)? = nil
    ) throws -> FakeTLSServer {
        let signer = try authority ?? session.authority("server-signing")
        let key = signer.folder + "/server.key"
        let certificate = signer.folder + "/server.crt"
        try signer.makeKey(key)
        try signer.signServer(certificate, key: key, validity: validity)
        return try FakeTLSServer(certificate: certificate, key: key)
    }
}

extension FixtureAuthority {
    /// Signs a server certificate for `localhost` and `127.0.0.1` into `path`.
    func signServer(_ path: String, key: String, validity: (String, String)? = nil) throws {
        let extensions = folder + "/server.ext"
        try Data(
            """
            [v3_server]
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = DNS:localhost, IP:127.0.0.1

            """.utf8
        ).write(to: URL(fileURLWithPath: extensions))
        let request = folder + "/\(UUID().uuidString).csr"
        try openssl([
            "req", "-new", "-config", folder + "/ca.cnf", "-key", key, "-subj", "/CN=localhost",
            "-out", request,
        ])
        let (start, end) = validity ?? Self.window(fromDays: -1, toDays: 365)
        try openssl([
            "ca", "-batch", "-notext", "-config", folder + "/ca.cnf", "-extfile", extensions,
            "-extensions", "v3_server", "-cert", authorityCertificate, "-keyfile", authorityKey,
            "-startdate", start, "-enddate", end, "-in", request, "-out", path,
        ])
    }
}
