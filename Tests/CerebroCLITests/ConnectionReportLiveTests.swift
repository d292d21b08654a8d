import Foundation
import Testing

/// What `test` reports about an accepted connection: the server's certificate, who verified
/// what, the client certificate presented, the times; as text and as JSON.
@Suite struct ConnectionReportLiveTests {
    /// `openssl x509 -noout -dates` of a file, as ISO 8601 in UTC.
    static func dates(of certificate: String) throws -> (String, String) {
        let output = try Capture.run(
            "/usr/bin/openssl",
            ["x509", "-noout", "-dates", "-dateopt", "iso_8601", "-in", certificate]
        )
        let values = output.split(separator: "\n").map { line in
            String(line.split(separator: "=", maxSplits: 1).last ?? "").replacingOccurrences(
                of: " ",
                with: "T"
            )
        }
        return (values.first ?? "", values.last ?? "")
    }

    @Test func verifyFullReportsEveryFactInJSON() throws {
        let session = try LiveSession()
        try session.add("full", ["--ssl", "--certdir", session.set("good")])

        let result = try session.run(["test", "full", "--json"])

        #expect(result.status == 0, "\(result.err)")
        let object = try #require(try JSONObjects.parse(result.out).first)
        let server = try #require(object["server_certificate"] as? [String: Any])
        let client = try #require(object["client_certificate"] as? [String: Any])
        let (notBefore, notAfter) = try Self.dates(of: session.server.pki + "/server.crt")
        #expect(object["status"] as? String == "accepted")
        #expect(object["verified"] as? Bool == true)
        #expect(object["verified_against"] as? String == session.set("good") + "/ca.crt")
        #expect(object["host_name_checked"] as? Bool == true)
        #expect(object["verify_result"] as? String == "ok")
        #expect(object["key_bits"] as? Int == 256)
        #expect((object["connect_ms"] as? Double ?? 0) > 0)
        #expect((object["query_ms"] as? Double ?? 0) > 0)
        #expect((object["findings"] as? [Any])?.isEmpty == true)
        #expect(server["subject"] as? String == "CN=localhost")
        #expect(server["issuer"] as? String == "CN=cerebro-conn test CA")
        #expect(server["names"] as? [String] == ["localhost", "127.0.0.1", "::1"])
        #expect(server["not_before"] as? String == notBefore)
        #expect(server["not_after"] as? String == notAfter)
        #expect(client["path"] as? String == session.set("good") + "/client.crt")
        #expect(client["subject"] as? String == "CN=cerebro_user")
        #expect(client["issuer"] as? String == "CN=cerebro-conn test CA")
    }

    @Test func verifyFullReportsEveryFactAsText() throws {
        let session = try LiveSession()
        try session.add("full", ["--ssl", "--certdir", session.set("good")])

        let result = try session.run(["test", "full"])

        let good = session.set("good")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "")
        let labels = result.out.split(separator: "\n").dropFirst().map {
            $0.split(separator: " ").first.map(String.init) ?? ""
        }
        #expect(
            labels == [
                "server", "version", "tls", "subject", "issuer", "valid", "names", "verified",
                "client", "time",
            ]
        )
        #expect(result.out.contains("  subject   CN=localhost (the server's certificate)\n"))
        #expect(result.out.contains("  issuer    CN=cerebro-conn test CA\n"))
        #expect(result.out.contains("  names     localhost, 127.0.0.1, ::1\n"))
        #expect(
            result.out.contains(
                "  verified  server certificate was verified against \(good)/ca.crt "
                    + "and its names checked against host 'localhost'\n"
            )
        )
        #expect(
            result.out.contains(
                "  client    \(good)/client.crt presented "
                    + "(CN=cerebro_user, issued by CN=cerebro-conn test CA, EC P-256)\n"
            )
        )
        #expect(result.out.contains("  time      connect "))
    }

    @Test func verifyCADoesNotCheckTheHostName() throws {
        let session = try LiveSession()
        try session.add(
            "ca",
            host: session.server.unnamedHost,
            ["--ssl", "--verify", "ca", "--certdir", session.set("good")]
        )

        let text = try session.run(["test", "ca"])
        let json = try session.run(["test", "ca", "--json"])

        let object = try #require(try JSONObjects.parse(json.out).first)
        #expect(
            text.out.contains(
                "  verified  server certificate was verified against \(session.set("good"))/ca.crt; "
                    + "the host name was not checked (level ca)\n"
            )
        )
        #expect(object["verified"] as? Bool == true)
        #expect(object["host_name_checked"] as? Bool == false)
    }

    /// Level none: encrypted, and honestly not verified; OpenSSL's reason is shown.
    @Test func levelNoneIsEncryptedButNotVerified() throws {
        let session = try LiveSession()
        try session.add("none", ["--ssl", "--verify", "none", "--certdir", session.set("good")])

        let text = try session.run(["test", "none"])
        let json = try session.run(["test", "none", "--json"])

        let object = try #require(try JSONObjects.parse(json.out).first)
        let reason = try #require(object["verify_result"] as? String)
        #expect(text.status == 0, "\(text.err)")
        #expect(
            text.out.contains(
                "  verified  no: encrypted, but the server certificate was not verified (level none; OpenSSL: \(reason))\n"
            )
        )
        #expect(reason != "ok")
        #expect(object["verified"] as? Bool == false)
        #expect(object["verified_against"] == nil)
        #expect(object["host_name_checked"] as? Bool == false)
        #expect(
            (object["server_certificate"] as? [String: Any])?["subject"] as? String
                == "CN=localhost"
        )
    }

    /// A warning (a client certificate ending in ten days) is printed, and the connection
    /// goes ahead.
    @Test func warningsArePrintedAndTheConnectionGoesAhead() throws {
        let session = try LiveSession()
        let folder = session.path("soon")
        try session.authority().makeSet(
            in: folder,
            validity: FixtureAuthority.window(fromDays: -1, toDays: 10)
        )
        try session.add("soon", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "soon"])

        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("soon: accepted\n"))
        let warnings = LiveSession.lines(result.err, startingWith: "warning:")
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("warning: soon: client.crt expires on ") == true)
        #expect(
            warnings.first?.hasSuffix(
                " UTC, in 9 days (in \(folder)); ask your CA for a new client certificate"
            ) == true
        )
    }
}

/// Runs a program and returns its standard output.
enum Capture {
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandError(command: program, message: "exit \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
