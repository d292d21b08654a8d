import Foundation
import Testing

@testable import CerebroCLI
@testable import CerebroConn

/// Every failure the fixture can produce, as `test` explains it: one line naming the host or
/// file, the cause and the fix; libpq's own text only under `-v`.
@Suite struct FailureDiagnosisLiveTests {
    @Test func clientCertificateFromAnUnknownCANamesItsIssuer() throws {
        let session = try LiveSession()
        try session.add("rogue", ["--ssl", "--certdir", session.set("rogue")])

        let quiet = try session.run(["test", "rogue"])
        let verbose = try session.run(["test", "-v", "rogue"])

        let port = session.server.port
        #expect(quiet.status == 1)
        #expect(
            LiveSession.lines(quiet.err, startingWith: "error:") == [
                "error: rogue: localhost:\(port) does not trust the CA that signed "
                    + "\(session.set("rogue"))/client.crt (issuer CN=unrelated-rogue-ca); use a "
                    + "client certificate issued by a CA in the server's ssl_ca_file, or ask the "
                    + "server's administrator to trust this issuer"
            ]
        )
        #expect(
            quiet.err.contains(
                "warning: rogue: client.crt is not signed by a certificate in ca.crt"
            )
        )
        #expect(!quiet.err.contains("libpq:"))
        #expect(
            verbose.err.contains(
                "libpq: connection to server at \"localhost\" (127.0.0.1), port \(port) failed: "
                    + "SSL error: tlsv1 alert unknown ca"
            )
        )
    }

    /// The server's "certificate expired" alert.
    ///
    /// The tool stops an expired certificate before libpq (field case 28), so the alert is
    /// produced by connecting with the plan directly.
    @Test func expiredClientCertificateAlertIsExplained() throws {
        let session = try LiveSession()
        let folder = session.set("expired")
        let plan = try session.directPlan(folder: folder)

        let failure = try #require(ConnectionProbe.run(plan).failure)
        let result = CheckResult(
            name: "expired",
            preset: plan.preset,
            plan: plan,
            outcome: .failed(failure)
        )
        let message = TestReport.explain(failure, result)

        #expect(failure.message.hasSuffix("SSL error: sslv3 alert certificate expired"))
        #expect(FailureCause.recognise(failure) == .clientCertificateExpired)
        #expect(
            TestReport.oneLine("expired", message)
                == "expired: localhost:\(session.server.port) refused \(folder)/client.crt: the "
                + "certificate has expired; get a renewed client certificate and replace "
                + "\(folder)/client.crt"
        )
    }

    @Test func hostNameMismatchListsTheNamesTheCertificateCarries() throws {
        let session = try LiveSession()
        let host = session.server.unnamedHost
        try session.add("mismatch", host: host, ["--ssl", "--certdir", session.set("good")])

        let text = try session.run(["test", "mismatch"])
        let json = try session.run(["test", "mismatch", "--json"])

        #expect(text.status == 1)
        #expect(
            LiveSession.lines(text.err, startingWith: "error:") == [
                "error: mismatch: the server certificate of \(host):\(session.server.port) names "
                    + "localhost, 127.0.0.1, ::1, not '\(host)'; set --host to one of those names, "
                    + "or ask for a server certificate whose subject alternative names include "
                    + "'\(host)' (or use --verify ca)"
            ]
        )
        let object = try #require(try JSONObjects.parse(json.out).first)
        let certificate = try #require(object["server_certificate"] as? [String: Any])
        #expect(certificate["names"] as? [String] == ["localhost", "127.0.0.1", "::1"])
        #expect(certificate["subject"] as? String == "CN=localhost")
    }

    @Test func serverCertificateFromAnotherCANamesItsIssuer() throws {
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "wrongca", only: ["client.crt", "client.key"])
        try FileManager.default.copyItem(
            atPath: session.server.pki + "/rogue-ca.crt",
            toPath: folder + "/ca.crt"
        )
        try session.add("wrongca", ["--ssl", "--verify", "ca", "--certdir", folder])

        let result = try session.run(["test", "wrongca"])

        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: wrongca: the certificate of localhost:\(session.server.port) is not signed by "
                    + "\(folder)/ca.crt (it is issued by CN=cerebro-conn test CA); put the CA that "
                    + "signed the server's certificate in \(folder)/ca.crt"
            ]
        )
    }

    @Test func serverThatRequiresAClientCertificateSaysSo() throws {
        let session = try LiveSession()
        try session.add("caonly", ["--ssl", "--certdir", session.set("ca-only")])

        let result = try session.run(["test", "caonly"])

        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: caonly: localhost:\(session.server.port) requires a client certificate and "
                    + "none was sent (the certificate set has no client.crt/client.key); add "
                    + "client.crt and client.key (or client.pg.*) next to ca.crt, or point --certdir "
                    + "at the folder that has them"
            ]
        )
    }

    @Test func certificateForAnotherUserShowsItsCommonName() throws {
        let session = try LiveSession()
        try session.add("other", ["--ssl", "--certdir", session.set("other-user")])

        let result = try session.run(["test", "other"])

        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: other: localhost:\(session.server.port) accepted "
                    + "\(session.set("other-user"))/client.crt but its subject is CN=someone_else, "
                    + "not the role 'cerebro_user'; set --user to the certificate's common name, or "
                    + "use a certificate issued for 'cerebro_user' (or a pg_ident.conf map on the server)"
            ]
        )
    }

    /// HOME is the scratch folder, which has no ~/.pgpass.
    @Test func passwordRoleWithoutAPasswordSaysSo() throws {
        let session = try LiveSession()
        try session.add("pw", user: "cerebro_pw", ["--ssl", "--certdir", session.set("good")])

        let result = try session.run(["test", "pw"])

        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: pw: localhost:\(session.server.port) asks for a password for 'cerebro_pw'; "
                    + "cerebro-conn never stores passwords; log in by certificate (a 'cert' line in "
                    + "pg_hba.conf) or put the password in ~/.pgpass with mode 0600"
            ]
        )
    }

    @Test func passwordFromPgpassIsUsedAndAWrongOneIsNamed() throws {
        let session = try LiveSession()
        let environment = ProcessInfo.processInfo.environment
        let passwordFile = try #require(environment["CEREBRO_TEST_PG_PASSWORD_FILE"])
        let password = try String(contentsOfFile: passwordFile, encoding: .utf8).trimmingCharacters(
            in: .newlines
        )
        try session.add("pw", user: "cerebro_pw", ["--ssl", "--certdir", session.set("good")])
        let pgpass = session.path("home/.pgpass")
        try FileManager.default.createDirectory(
            atPath: session.path("home"),
            withIntermediateDirectories: true
        )

        try Data("localhost:*:*:cerebro_pw:wrong-\(password)\n".utf8).write(
            to: URL(fileURLWithPath: pgpass)
        )
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: pgpass)
        let wrong = try session.run(["test", "pw"])
        try Data("localhost:*:*:cerebro_pw:\(password)\n".utf8).write(
            to: URL(fileURLWithPath: pgpass)
        )
        let right = try session.run(["test", "pw"])

        #expect(wrong.status == 1)
        #expect(
            wrong.err.contains(
                "error: pw: localhost:\(session.server.port) rejected the password for "
                    + "'cerebro_pw'; correct the entry for this host in ~/.pgpass"
            )
        )
        #expect(!wrong.err.contains(password))
        #expect(right.status == 0, "\(right.err)")
    }

    /// The binary removes libpq's `PG*` variables before connecting, but not these two: they
    /// are how a password reaches libpq, since presets never hold one.
    @Test func passwordFromPGPASSFILEOrPGPASSWORDIsUsed() throws {
        let session = try LiveSession()
        let environment = ProcessInfo.processInfo.environment
        let passwordFile = try #require(environment["CEREBRO_TEST_PG_PASSWORD_FILE"])
        let password = try String(contentsOfFile: passwordFile, encoding: .utf8).trimmingCharacters(
            in: .newlines
        )
        try session.add("pw", user: "cerebro_pw", ["--ssl", "--certdir", session.set("good")])
        let passfile = session.path("elsewhere.pgpass")
        try Data("localhost:*:*:cerebro_pw:\(password)\n".utf8).write(
            to: URL(fileURLWithPath: passfile)
        )
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passfile)

        let fromFile = try session.run(["test", "pw"], environment: ["PGPASSFILE": passfile])
        let fromVariable = try session.run(["test", "pw"], environment: ["PGPASSWORD": password])
        let shown = try session.run(
            ["show", "pw"],
            environment: ["PGPASSFILE": passfile, "PGPASSWORD": password]
        )

        #expect(fromFile.status == 0, "\(fromFile.err)")
        #expect(fromVariable.status == 0, "\(fromVariable.err)")
        #expect(!shown.out.contains("environment\n"))
        #expect(!shown.out.contains(password))
    }

    /// pg_hba.conf's "no encryption" rejection.
    ///
    /// The fixture's server always offers SSL, so
    /// libpq's plain-text attempt only ever follows an SSL one (sslmode=prefer): a preset
    /// without --ssl whose SSL attempt is refused. The SSL attempt explains the failure, and
    /// the refused retry is noted in the fix.
    @Test func plainTextRetryRefusedByPgHbaIsNoted() throws {
        let session = try LiveSession()
        try session.add("plain", ["--certdir", session.set("ca-only")])

        let result = try session.run(["test", "-v", "plain"])

        let port = session.server.port
        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: plain: localhost:\(port) requires a client certificate and none was sent "
                    + "(the certificate set has no client.crt/client.key); add client.crt and "
                    + "client.key (or client.pg.*) next to ca.crt, or point --certdir at the folder "
                    + "that has them; libpq's retry without SSL was refused too (pg_hba.conf "
                    + "requires SSL); 'cerebro-conn edit plain --ssl' skips that retry"
            ]
        )
        #expect(result.err.contains("user \"cerebro_user\", database \"memoria\", no encryption"))
    }

    /// pg_hba.conf's "no encryption" rejection as the only answer.
    ///
    /// That is a server that declines SSL (answers the SSLRequest with 'N', as one with
    /// `ssl = off` does) and whose pg_hba.conf refuses plain connections. The fixture always
    /// offers SSL, so a relay in front of it declines for it; the rejection is the real
    /// server's.
    @Test func serverThatDeclinesSSLAndRequiresItIsExplained() throws {
        let session = try LiveSession()
        let proxy = try SSLDecliningProxy(serverPort: session.server.port)
        let port = String(proxy.port)
        try session.add("plain", host: "127.0.0.1", port: port, ["--certdir", session.set("good")])
        try session.add(
            "strict",
            host: "127.0.0.1",
            port: port,
            ["--ssl", "--certdir", session.set("good")]
        )

        let plain = try session.run(["test", "-v", "plain"])
        let strict = try session.run(["test", "-v", "strict"])

        let hint =
            "check the host and port (a proxy or pooler without SSL may answer there), or ask "
            + "the server's administrator to turn on ssl in postgresql.conf"
        #expect(plain.status == 1)
        #expect(
            LiveSession.lines(plain.err, startingWith: "error:") == [
                "error: plain: 127.0.0.1:\(port) refuses connections without SSL for "
                    + "'cerebro_user', but declined SSL when libpq asked for it; " + hint
            ]
        )
        #expect(
            plain.err.hasSuffix(
                "  libpq: connection to server at \"127.0.0.1\", port \(port) failed: FATAL:  "
                    + "pg_hba.conf rejects connection for host \"127.0.0.1\", user "
                    + "\"cerebro_user\", database \"memoria\", no encryption\n"
            )
        )
        // --ssl, which the cause might suggest, cannot help: the server declines SSL.
        #expect(strict.status == 1)
        #expect(
            strict.err
                == "error: strict: 127.0.0.1:\(port) does not offer SSL: the server has ssl = "
                + "off, or it is not the PostgreSQL server meant; check --host and --port, or "
                + "ask the server's administrator to turn ssl on\n  libpq: connection to server at \"127.0.0.1\", port \(port) failed: "
                + "server does not support SSL, but SSL was required\n"
        )
    }

    /// pg_hba.conf's final `reject` line refuses a role over SSL, whatever its certificate.
    @Test func roleThatPgHbaRejectsOverSSLIsNamed() throws {
        let session = try LiveSession()
        try session.add(
            "nobody",
            host: "127.0.0.1",
            user: "nobody",
            ["--ssl", "--certdir", session.set("good")]
        )

        let result = try session.run(["test", "-v", "nobody"])

        let port = session.server.port
        #expect(result.status == 1)
        #expect(result.out == "nobody: rejected\n")
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: nobody: 127.0.0.1:\(port) has no pg_hba.conf line letting 'nobody' into "
                    + "'memoria' from this address over SSL; check --user and --db, or ask the "
                    + "server's administrator for access"
            ]
        )
        #expect(
            result.err.contains(
                "libpq: connection to server at \"127.0.0.1\", port \(port) failed: FATAL:  "
                    + "pg_hba.conf rejects connection for host \"127.0.0.1\", user \"nobody\", "
                    + "database \"memoria\", SSL encryption\n"
            )
        )
    }

    /// A junk ca.crt, neither PEM nor DER, stops the preset before libpq.
    @Test func junkAuthorityFileIsNamedBeforeConnecting() throws {
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "junk", only: ["client.crt", "client.key"])
        try Data("this is not a certificate\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/ca.crt")
        )
        try session.add("junk", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "-v", "junk"])

        #expect(result.status == 3)
        #expect(result.out == "junk: not attempted\n")
        #expect(
            result.err
                == "error: junk: ca.crt holds neither PEM nor DER data (in \(folder)); replace "
                + "ca.crt with a good copy of the PEM file\n"
        )
    }

    @Test func nothingListeningIsRefused() throws {
        let session = try LiveSession()
        let port = LiveServer.freePort()
        try session.add(
            "dead",
            host: "127.0.0.1",
            port: port,
            ["--ssl", "--certdir", session.set("good")]
        )

        let result = try session.run(["test", "dead"])

        #expect(result.status == 2)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: dead: nothing accepts connections at 127.0.0.1:\(port); check the host and "
                    + "port, and that the server is running and listening there"
            ]
        )
    }

    @Test func silentServerTimesOut() throws {
        let session = try LiveSession()
        let listener = try UnansweringListener()
        try session.add(
            "silent",
            host: "127.0.0.1",
            port: listener.port,
            ["--ssl", "--certdir", session.set("good"), "--timeout", "2"]
        )

        let result = try session.run(["test", "-v", "silent"])

        #expect(result.status == 2)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: silent: 127.0.0.1:\(listener.port) accepted the TCP connection but did not "
                    + "answer within 2 s; check that a PostgreSQL server listens on that port and is "
                    + "not overloaded"
            ]
        )
        #expect(result.err.contains("connected, but the server did not answer within 2 s"))
    }
}

/// Parses `test --json` output.
enum JSONObjects {
    static func parse(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return value as? [[String: Any]] ?? []
    }
}

extension Result {
    /// The failure, if this is one.
    var failure: Failure? {
        if case .failure(let error) = self {
            return error
        }
        return nil
    }
}
