import Foundation
import Testing

/// Failures before TLS (an unknown host, several hosts that refuse) and at login (a password
/// from PGPASSWORD, a database that does not exist), against the fixture's server.
@Suite struct HostAndLoginDiagnosisLiveTests {
    /// As `pg_isready` says for it: 2, no response, not 3.
    @Test func unknownHostIsNoResponse() throws {
        let session = try LiveSession()
        try session.add(
            "nohost",
            host: "no-such-host.invalid",
            ["--ssl", "--certdir", session.set("good")]
        )

        let text = try session.run(["--color", "never", "test", "nohost"])
        let json = try session.run(["test", "nohost", "--json"])

        #expect(text.status == 2)
        #expect(text.out == "nohost: no response\n")
        #expect(
            LiveSession.lines(text.err, startingWith: "error:") == [
                "error: nohost: the host name 'no-such-host.invalid' does not resolve; check the "
                    + "spelling of --host, or use an address"
            ]
        )
        #expect(json.status == 2)
        let object = try #require(try JSONObjects.parse(json.out).first)
        #expect(object["status"] as? String == "no response")
        #expect(object["exit_code"] as? Int == 2)
    }

    /// Nothing listens on 127.0.0.3 or 127.0.0.4 (the fixture listens on 127.0.0.1, .2 and ::1).
    @Test func severalHostsThatAllRefuseAreAllNamed() throws {
        let session = try LiveSession()
        try session.add(
            "multi",
            host: "127.0.0.3,127.0.0.4",
            ["--ssl", "--verify", "ca", "--certdir", session.set("good")]
        )

        let result = try session.run(["test", "multi"])

        let port = session.server.port
        #expect(result.status == 2)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: multi: none of 127.0.0.3:\(port), 127.0.0.4:\(port) accepts connections; "
                    + "check the hosts and port, and that the server is running and listening on "
                    + "one of them"
            ]
        )
    }

    /// libpq uses PGPASSWORD before any password file; the line says so, not ~/.pgpass.
    @Test func wrongPasswordFromPGPASSWORDNamesTheVariable() throws {
        let session = try LiveSession()
        try session.add("pw", user: "cerebro_pw", ["--ssl", "--certdir", session.set("ca-only")])

        let result = try session.run(["test", "pw"], environment: ["PGPASSWORD": "wrong-password"])

        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: pw: localhost:\(session.server.port) rejected the password for "
                    + "'cerebro_pw' from PGPASSWORD; set PGPASSWORD to the right password, or "
                    + "unset it to use ~/.pgpass"
            ]
        )
        #expect(!result.err.contains("wrong-password"))
    }

    @Test func missingDatabaseIsNamedWithoutLibpqsSpacing() throws {
        let session = try LiveSession()
        try session.add(
            "nodb",
            ["--db", "nosuchdb", "--ssl", "--certdir", session.set("good")]
        )

        let result = try session.run(["test", "-v", "nodb"])

        #expect(result.status == 1)
        #expect(
            LiveSession.lines(result.err, startingWith: "error:") == [
                "error: nodb: localhost:\(session.server.port) has no database 'nosuchdb'; check "
                    + "--db (Cerebro's database is usually 'memoria')"
            ]
        )
        #expect(result.err.contains(#"FATAL:  database "nosuchdb" does not exist"#))
    }
}
