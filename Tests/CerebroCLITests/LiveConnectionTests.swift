import Foundation
import Testing

/// `test` against the real SSL server: every way a preset reaches, or fails to reach, it.
@Suite(.serialized)
struct LiveConnectionTests {
    let scratch = Scratch()

    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ToolOutput
    {
        try ToolHarness.runBinary(arguments, environment: scratch.environment.merging(extra) { $1 })
    }

    func add(_ name: String, host: String = "localhost", _ server: LiveServer, _ options: [String])
        throws
    {
        let added = try run(
            ["add", name, "--host", host, "--port", server.port, "--user", "cerebro_user"] + options
        )
        #expect(added.status == 0, "add \(name): \(added.err)")
    }

    @Test func acceptedThroughThePresetFolder() throws {
        let server = try LiveServer.require()
        try add("p", server, ["--ssl", "--certdir", server.sets + "/good"])

        let result = try run(["test", "p"])

        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("p: accepted\n"))
        #expect(result.out.contains("tls       TLSv1."))
        #expect(result.out.contains("version   PostgreSQL 15."))
        #expect(
            result.out.contains("verified against \(server.sets)/good/ca.crt and its names checked")
        )
        #expect(result.out.contains("client    \(server.sets)/good/client.crt presented"))
    }

    @Test func acceptedWithThePgNaming() throws {
        let server = try LiveServer.require()
        try add("pg", server, ["--ssl", "--certdir", server.sets + "/good-pg"])

        let result = try run(["test", "pg"])

        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("\(server.sets)/good-pg/client.pg.crt presented"))
    }

    @Test func acceptedThroughTheUserFolder() throws {
        let server = try LiveServer.require()
        try server.copySet("good", to: scratch.path + "/home/cerebro")
        try add("u", server, ["--ssl"])

        let result = try run(["test", "u", "--json"])

        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("\"path\" : \"\(scratch.path)/home/cerebro/client.crt\""))
        #expect(result.out.contains("\"sslmode\" : \"verify-full\""))
    }

    /// Field case 13: HOME=/nonexistent, PGSSL* set; the install folder is used and wins.
    @Test func acceptedThroughTheInstallFolderWithHostileEnvironment() throws {
        let server = try LiveServer.require()
        try server.copySet("good", to: scratch.path + "/install/etc")
        try add("e", server, ["--ssl"])
        let hostile = [
            "HOME": "/nonexistent",
            "PGSSLMODE": "disable",
            "PGSSLROOTCERT": server.pki + "/rogue-ca.crt",
            "PGSSLCERT": server.sets + "/rogue/client.crt",
            "PGSSLKEY": server.sets + "/rogue/client.key",
            "PGSSLMINPROTOCOLVERSION": "TLSv1.3",
            "PGSSLMAXPROTOCOLVERSION": "TLSv1.2",
        ]

        let result = try run(["test", "e", "--json"], environment: hostile)

        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("\"path\" : \"\(scratch.path)/install/etc/client.crt\""))
    }

    /// Every other `PG*` variable libpq reads, each set to something that failed the preset
    /// before it was pinned or removed: another address, a missing service, a bad option, a
    /// session or channel-binding demand the server does not meet, bad startup settings.
    static let hostileLibpqVariables = [
        "PGHOST": "192.0.2.1",
        "PGHOSTADDR": "192.0.2.1",
        "PGPORT": "1",
        "PGDATABASE": "nosuch",
        "PGUSER": "nosuch",
        "PGSERVICE": "nosuch",
        "PGSERVICEFILE": "/nonexistent/pg_service.conf",
        "PGSYSCONFDIR": "/nonexistent",
        "PGOPTIONS": "-c statement_timeout=x",
        "PGTARGETSESSIONATTRS": "read-only",
        "PGCHANNELBINDING": "require",
        "PGCLIENTENCODING": "nosuch",
        "PGAPPNAME": "ambient",
        "PGTZ": "nosuch",
        "PGDATESTYLE": "nosuch",
        "PGGEQO": "nosuch",
        "PGGSSENCMODE": "require",
        "PGKRBSRVNAME": "nosuch",
        "PGREQUIREPEER": "nobody",
        "PGCONNECT_TIMEOUT": "1",
        // Read by newer libpq only; they must not matter there either.
        "PGREQUIREAUTH": "password",
        "PGLOADBALANCEHOSTS": "random",
        "PGSSLNEGOTIATION": "direct",
    ]

    @Test func acceptedThroughTheRealAddressWithEveryOtherLibpqVariableSet() throws {
        let server = try LiveServer.require()
        try add("env", host: "127.0.0.1", server, ["--ssl", "--certdir", server.sets + "/good"])
        // The password variables stay honoured; these two point nowhere and are not needed.
        let passwords = ["PGPASSWORD": "unused", "PGPASSFILE": "/nonexistent/pgpass"]
        let hostile = Self.hostileLibpqVariables.merging(passwords) { $1 }

        let tested = try run(["test", "env", "--json"], environment: hostile)
        let shown = try run(["show", "env", "--json"], environment: hostile)
        let shownText = try run(["show", "env"], environment: hostile)

        #expect(tested.status == 0, "\(tested.out)\(tested.err)")
        let report = try #require(try JSONObjects.parse(tested.out).first)
        #expect(report["host"] as? String == "127.0.0.1")
        #expect(report["address"] as? String == "127.0.0.1")
        #expect(report["port"] as? Int == Int(server.port))
        let object = try JSONSerialization.jsonObject(with: Data(shown.out.utf8))
        let ignored = (object as? [String: Any])?["ignored_environment"] as? [String]
        #expect(ignored == Self.hostileLibpqVariables.keys.sorted())
        for name in Self.hostileLibpqVariables.keys {
            #expect(shownText.out.contains("  \(name) is set and has no effect"))
        }
        #expect(!shownText.out.contains("PGPASS"))
    }

    @Test func verifyFullByIPAddressNamedInTheCertificate() throws {
        let server = try LiveServer.require()
        try add("ip", host: "127.0.0.1", server, ["--ssl", "--certdir", server.sets + "/good"])

        let result = try run(["test", "ip"])

        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("server    127.0.0.1"))
    }

    /// Field case 9: an address the certificate does not name fails under verify-full, with
    /// the preset's host in the message and no fall-back; verify-ca connects.
    @Test func verifyFullByAnAddressTheCertificateDoesNotName() throws {
        let server = try LiveServer.require()
        try add(
            "full",
            host: server.unnamedHost,
            server,
            ["--ssl", "--certdir", server.sets + "/good"]
        )
        try add(
            "ca",
            host: server.unnamedHost,
            server,
            ["--ssl", "--verify", "ca", "--certdir", server.sets + "/good"]
        )

        let full = try run(["test", "-v", "full"])
        let ca = try run(["test", "ca"])

        #expect(full.status == 1)
        #expect(
            full.err.contains(
                "the server certificate of \(server.unnamedHost):\(server.port) names localhost, 127.0.0.1, ::1, not '\(server.unnamedHost)'; set --host to one of those names"
            )
        )
        #expect(
            full.err.contains(
                "libpq: connection to server at \"\(server.unnamedHost)\", port \(server.port) failed: server certificate for \"localhost\" (and 2 other names) does not match host name \"\(server.unnamedHost)\""
            )
        )
        #expect(ca.status == 0, "\(ca.err)")
    }

    @Test func clientCertificateFromAnUnrelatedCAIsRejected() throws {
        let server = try LiveServer.require()
        try add("rogue", server, ["--ssl", "--certdir", server.sets + "/rogue"])

        let result = try run(["test", "rogue"])

        #expect(result.status == 1)
        #expect(result.out == "rogue: rejected\n")
        #expect(
            result.err.contains(
                "error: rogue: localhost:\(server.port) does not trust the CA that signed \(server.sets)/rogue/client.crt"
            )
        )
        #expect(!result.err.contains("libpq:"))
    }

    @Test func nothingListeningIsNoResponse() throws {
        let server = try LiveServer.require()
        let port = LiveServer.freePort()
        let added = try run([
            "add", "dead", "--host", "127.0.0.1", "--port", port, "--ssl", "--certdir",
            server.sets + "/good",
        ])
        #expect(added.status == 0)

        let result = try run(["test", "dead"])

        #expect(result.status == 2)
        #expect(result.out == "dead: no response\n")
        #expect(
            result.err.contains(
                "error: dead: nothing accepts connections at 127.0.0.1:\(port); check the host and port"
            )
        )
    }

    @Test func brokenSetsAreNotAttempted() throws {
        let server = try LiveServer.require()
        try server.copySet(
            "good",
            to: scratch.path + "/incomplete",
            only: ["client.crt", "ca.crt"]
        )
        try server.copySet("good", to: scratch.path + "/two", only: nil)
        try server.copySet(
            "good-pg",
            to: scratch.path + "/two",
            only: ["client.pg.crt", "client.pg.key"]
        )
        try server.copySet("good", to: scratch.path + "/noca", only: ["client.crt", "client.key"])
        try add("incomplete", server, ["--ssl", "--certdir", scratch.path + "/incomplete"])
        try add("two", server, ["--ssl", "--certdir", scratch.path + "/two"])
        try add("noca", server, ["--ssl", "--certdir", scratch.path + "/noca"])

        let incomplete = try run(["test", "incomplete"])
        let two = try run(["test", "two"])
        let noCA = try run(["test", "noca"])

        #expect(incomplete.status == 3)
        #expect(incomplete.err.contains("client.crt is there but client.key is missing"))
        #expect(two.status == 3)
        #expect(two.err.contains("holds more than one certificate set"))
        #expect(noCA.status == 3)
        #expect(noCA.err.contains("verification level 'full' needs ca.crt"))
    }

    /// Field case 29: a certificate in ~/.postgresql that the server would accept is never
    /// sent: with only ca.crt in the set, the server asks for a certificate and gets none.
    @Test func ambientClientCertificateIsNeverSent() throws {
        let server = try LiveServer.require()
        try server.copySet("good", to: scratch.path + "/home/.postgresql", only: nil)
        for (from, to) in [
            ("client.crt", "postgresql.crt"), ("client.key", "postgresql.key"),
            ("ca.crt", "root.crt"),
        ] {
            try FileManager.default.moveItem(
                atPath: scratch.path + "/home/.postgresql/" + from,
                toPath: scratch.path + "/home/.postgresql/" + to
            )
        }
        try add("cloud", server, ["--ssl", "--certdir", server.sets + "/ca-only"])

        let result = try run(["test", "cloud"])

        #expect(result.status == 1)
        #expect(result.err.contains("requires a client certificate and none was sent"))
    }

    /// Field case 7: level none passes no CA, so a wrong ca.crt cannot fail the connection,
    /// and `show` says nothing is verified; verify-ca with the wrong CA fails.
    @Test func levelNoneNeverVerifiesAndSaysSo() throws {
        let server = try LiveServer.require()
        try server.copySet(
            "good",
            to: scratch.path + "/wrongca",
            only: ["client.crt", "client.key"]
        )
        try FileManager.default.copyItem(
            atPath: server.pki + "/rogue-ca.crt",
            toPath: scratch.path + "/wrongca/ca.crt"
        )
        try add(
            "none",
            server,
            ["--ssl", "--verify", "none", "--certdir", scratch.path + "/wrongca"]
        )
        try add(
            "verifyca",
            server,
            ["--ssl", "--verify", "ca", "--certdir", scratch.path + "/wrongca"]
        )

        let none = try run(["test", "none"])
        let shown = try run(["show", "none"])
        let verifyCA = try run(["test", "verifyca"])

        #expect(none.status == 0, "\(none.err)")
        #expect(shown.out.contains("  sslmode=require\n"))
        #expect(shown.out.contains("  sslrootcert=/dev/null/cerebro-conn-none/ca.crt\n"))
        #expect(shown.out.contains("the server certificate will not be verified"))
        #expect(verifyCA.status == 1)
        #expect(verifyCA.err.contains("is not signed by \(scratch.path)/wrongca/ca.crt"))
    }

    /// Field case 7, variant: no ca.crt anywhere, but ~/.postgresql/root.crt from another CA.
    ///
    /// Level none pins sslrootcert to a path that cannot exist, so libpq never reads that file:
    /// the connection is accepted and `show` says nothing is verified. Without the pin, libpq
    /// (here psql, with the same HOME) verifies against root.crt under `require` and fails.
    @Test func levelNoneIgnoresTheAmbientRootCertificate() throws {
        let server = try LiveServer.require()
        let folder = scratch.path + "/noca"
        let postgres = scratch.path + "/home/.postgresql"
        try server.copySet("good", to: folder, only: ["client.crt", "client.key"])
        try FileManager.default.createDirectory(
            atPath: postgres,
            withIntermediateDirectories: true
        )
        try FileManager.default.copyItem(
            atPath: server.pki + "/rogue-ca.crt",
            toPath: postgres + "/root.crt"
        )
        try add("none", server, ["--ssl", "--verify", "none", "--certdir", folder])

        let tested = try run(["test", "none"])
        let shown = try run(["show", "none"])
        let unpinned = try Subprocess.run(
            try #require(Subprocess.which("psql"), "psql is not installed"),
            [
                "-X", "-w", "-c", "SELECT 1",
                "host=localhost port=\(server.port) dbname=memoria user=cerebro_user "
                    + "sslmode=require sslcert=\(folder)/client.crt sslkey=\(folder)/client.key",
            ],
            environment: ["HOME": scratch.path + "/home", "PATH": "/usr/bin:/bin"]
        )

        #expect(tested.status == 0, "\(tested.err)")
        #expect(
            tested.out.contains(
                "verified  no: encrypted, but the server certificate was not verified (level none"
            ),
            "\(tested.out)"
        )
        #expect(shown.out.contains("  sslmode=require\n"))
        #expect(shown.out.contains("  sslrootcert=/dev/null/cerebro-conn-none/ca.crt\n"))
        #expect(shown.out.contains("the server certificate will not be verified"))
        #expect(!shown.out.contains(postgres))
        #expect(unpinned.status == 2)
        #expect(
            unpinned.error.contains("SSL error: certificate verify failed"),
            "\(unpinned.error)"
        )
    }

    /// Field case 12: a quoted `~/…` folder is expanded when the preset is saved.
    @Test func tildeFolderIsExpanded() throws {
        let server = try LiveServer.require()
        try server.copySet("good", to: scratch.path + "/home/certs/prod")
        try add("prod", server, ["--ssl", "--certdir", "~/certs/prod"])

        let shown = try run(["show", "prod"])
        let tested = try run(["test", "prod"])

        let plan = shown.out.components(separatedBy: "connection plan\n").last ?? ""
        #expect(shown.out.contains("  certdir   ~/certs/prod\n"))
        #expect(plan.contains("  sslcert=\(scratch.path)/home/certs/prod/client.crt\n"))
        #expect(!plan.contains("~"))
        #expect(tested.status == 0, "\(tested.err)")

        // The folder follows the home folder of whoever runs the preset.
        let elsewhere = try run(["show", "prod"], environment: ["HOME": scratch.path + "/other"])
        #expect(elsewhere.out.contains("preset folder \(scratch.path)/other/certs/prod"))
    }

    /// Field case 14: a space in the certificate folder survives all the way to libpq.
    @Test func spaceInTheFolderConnects() throws {
        let server = try LiveServer.require()
        let folder = scratch.path + "/Application Support/cerebro/mac"
        try server.copySet("good", to: folder)
        try add("mac", server, ["--ssl", "--certdir", folder])

        let shown = try run(["show", "mac"])
        let tested = try run(["test", "mac"])

        #expect(shown.out.contains("  sslcert='\(folder)/client.crt'\n"))
        #expect(tested.status == 0, "\(tested.err)")
    }

    /// Field case 18: quotes and backslashes in user and database reach the server as they are.
    @Test func oddUserAndDatabaseAreOneValueEach() throws {
        let server = try LiveServer.require()
        let added = try run([
            "add", "odd", "--host", "localhost", "--port", server.port, "--db", "app\\db", "--user",
            "team'ops", "--ssl", "--certdir", server.sets + "/good",
        ])
        #expect(added.status == 0)

        let shown = try run(["show", "odd"])
        let tested = try run(["test", "odd"])

        #expect(shown.out.contains("  dbname='app\\\\db'\n"))
        #expect(shown.out.contains("  user='team\\'ops'\n"))
        #expect(tested.status == 1)
        #expect(tested.err.contains("team'ops"))
    }
}
