import Foundation
import Testing

/// `certs NAME` decodes the set and lists the findings; `certs --expiring DAYS` is for cron.
@Suite struct CertsCommandTests {
    @Test func decodesEveryCertificateOfTheSet() throws {
        let session = try LiveSession()
        let good = session.set("good")
        try session.add("good", ["--ssl", "--certdir", good])

        let result = try session.run(["certs", "good"])

        let serial = try Capture.run(
            "/usr/bin/openssl",
            ["x509", "-noout", "-serial", "-in", good + "/client.crt"]
        )
        let (notBefore, notAfter) = try ConnectionReportLiveTests.dates(of: good + "/client.crt")
        let window = [notBefore, notAfter].map {
            $0.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
        }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "")
        #expect(
            result.out.hasPrefix(
                "lookup\n  preset folder \(good): used [ca.crt, client.crt, client.key]\ncertificate set\n"
            )
        )
        #expect(
            result.out.contains(
                """
                client certificate \(good)/client.crt
                  subject  CN=cerebro_user
                  issuer   CN=cerebro-conn test CA
                  serial   \(serial.dropFirst("serial=".count).dropLast())
                  valid    \(window[0]) to \(window[1])
                  names    (none)
                  key      EC P-256
                  upload   none
                client key \(good)/client.key
                  key   EC P-256, PKCS#8 PEM, not encrypted
                  mode  0600, owner root
                CA certificate \(good)/ca.crt
                  subject  CN=cerebro-conn test CA

                """
            )
        )
        #expect(result.out.hasSuffix("findings\n  none\n"))
    }

    @Test func showsTheUploadScopeAndTheRSAKeySize() throws {
        let session = try LiveSession()
        let folder = session.path("cargador")
        try session.authority().makeSet(
            in: folder,
            keyForm: .rsaPKCS1,
            subject: "/OU=upload:proj1:Proj2/CN=cerebro_user"
        )
        try session.add("cargador", ["--ssl", "--certdir", folder])

        let result = try session.run(["certs", "cargador"])

        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("  subject  OU=upload:proj1:Proj2,CN=cerebro_user\n"))
        #expect(result.out.contains("  key      RSA 2048 bits\n  upload   proj1, Proj2\n"))
        #expect(result.out.contains("  key   RSA 2048 bits, PKCS#1 RSA PEM, not encrypted\n"))
    }

    @Test func anErrorFindingExitsOne() throws {
        let session = try LiveSession()
        try session.add("expired", ["--ssl", "--certdir", session.set("expired")])

        let result = try session.run(["certs", "expired"])
        let json = try session.run(["certs", "expired", "--json"])

        #expect(result.status == 1)
        #expect(
            result.out.hasSuffix(
                "findings\n  error: client.crt expired on 2020-01-02 00:00:00 UTC; ask your CA for a new client certificate\n"
            )
        )
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        )
        let files = try #require(object["files"] as? [[String: Any]])
        #expect(json.status == 1)
        #expect(
            files.map { $0["slot"] as? String } == [
                "client certificate", "client key", "CA certificate",
            ]
        )
        #expect((object["findings"] as? [[String: Any]])?.first?["severity"] as? String == "error")
    }

    @Test func expiringListsOnlyWhatEndsWithinTheDays() throws {
        let session = try LiveSession()
        try session.add("good", ["--ssl", "--certdir", session.set("good")])
        try session.add("expired", ["--ssl", "--certdir", session.set("expired")])

        let all = try session.run(["certs", "--expiring", "30"])
        let good = try session.run(["certs", "--expiring", "30", "good"])
        let quiet = try session.run(["-q", "certs", "--expiring", "30", "good"])
        let json = try session.run(["certs", "--expiring", "30", "--json"])

        #expect(all.status == 1)
        let lines = all.out.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(
            lines.first?.hasPrefix(
                "expired: \(session.set("expired"))/client.crt: CN=cerebro_user ended on 2020-01-02 00:00:00 UTC, "
            ) == true
        )
        #expect(lines.first?.hasSuffix(" days ago") == true)
        #expect(good.status == 0)
        #expect(good.out == "")
        #expect(good.err == "note: no certificate of 1 preset ends within 30 days\n")
        #expect(quiet.err == "")
        let objects = try JSONObjects.parse(json.out)
        #expect(objects.map { $0["name"] as? String } == ["expired"])
        #expect(objects.first?["ended"] as? Bool == true)
        #expect((objects.first?["days_left"] as? Int ?? 0) < 0)
    }

    @Test func expiringCountsDaysAhead() throws {
        let session = try LiveSession()
        let folder = session.path("soon")
        try session.authority().makeSet(
            in: folder,
            validity: FixtureAuthority.window(fromDays: -1, toDays: 10)
        )
        try session.add("soon", ["--ssl", "--certdir", folder])

        let within = try session.run(["certs", "--expiring", "11", "soon"])
        let before = try session.run(["certs", "--expiring", "9", "soon"])

        #expect(within.status == 1)
        #expect(within.out.hasPrefix("soon: \(folder)/client.crt: CN=cerebro_user ends on "))
        #expect(within.out.hasSuffix(" UTC, in 9 days\n"))
        #expect(before.status == 0)
    }

    @Test func expiringWithAPresetWhoseSetIsMissingExitsOne() throws {
        let session = try LiveSession()
        try session.add("gone", ["--ssl", "--certdir", session.path("nowhere")])

        let alone = try session.run(["certs", "--expiring", "30"])
        try session.add("good", ["--ssl", "--certdir", session.set("good")])
        let mixed = try session.run(["certs", "--expiring", "30"])

        #expect(alone.status == 1)
        #expect(
            alone.err.hasPrefix(
                "error: gone: certificate folder \(session.path("nowhere")) does not exist\n"
            )
        )
        // No all-clear for a preset that could not be read; the others are cleared as such.
        #expect(!alone.err.contains("note:"))
        #expect(mixed.status == 1)
        let note = "note: no certificate of the 1 preset that could be read ends within 30 days\n"
        #expect(mixed.err.hasSuffix(note))
    }

    @Test(arguments: [
        ["certs"], ["certs", "a", "b"], ["certs", "--expiring=-1"],
        ["certs", "--expiring", "soon"],
    ])
    func usageErrorsExit64(_ arguments: [String]) throws {
        let session = try LiveSession()
        try session.add("a", ["--ssl", "--certdir", session.set("good")])

        let result = try session.run(arguments)

        #expect(result.status == 64)
        #expect(result.out == "")
        #expect(result.err.contains("usage: cerebro-conn certs"))
    }

    /// Under `--verify none` ca.crt is never handed to libpq: an ended certificate there is no
    /// alarm, and `certs` says it is not checked; at `full` it is in use, and counts.
    @Test func aCAFileOutOfUseIsNotChecked() throws {
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "old-ca")
        try FileManager.default.removeItem(atPath: folder + "/ca.crt")
        try FileManager.default.copyItem(
            atPath: session.set("expired") + "/client.crt",
            toPath: folder + "/ca.crt"
        )
        try session.add("none", ["--ssl", "--verify", "none", "--certdir", folder])
        try session.add("full", ["--ssl", "--certdir", folder])

        let unused = try session.run(["certs", "--expiring", "30", "none"])
        let listing = try session.run(["certs", "none"])
        let used = try session.run(["certs", "--expiring", "30", "full"])

        #expect(unused.status == 0, "\(unused.err)")
        #expect(unused.out == "")
        #expect(listing.status == 0)
        #expect(!listing.out.contains("CA certificate"))
        #expect(
            listing.err.contains(
                "note: \(folder)/ca.crt is not handed to libpq at this level (nothing is "
                    + "verified), so it is not checked\n"
            )
        )
        #expect(used.status == 1)
        #expect(used.out.contains("full: \(folder)/ca.crt: CN=cerebro_user ended on 2020-01-02"))
    }

    /// A certificate file that holds no certificate gets no all-clear from `--expiring`.
    @Test func aCertificateFileWithoutACertificateFailsTheExpiryCheck() throws {
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "key-in-crt")
        try FileManager.default.removeItem(atPath: folder + "/client.crt")
        try FileManager.default.copyItem(
            atPath: folder + "/client.key",
            toPath: folder + "/client.crt"
        )
        try session.add("k", ["--ssl", "--certdir", folder])

        let result = try session.run(["certs", "--expiring", "30", "k"])

        #expect(result.status == 1)
        #expect(
            result.err.contains(
                "error: k: \(folder)/client.crt holds no certificate that can be read, so its end "
                    + "is unknown\n  hint: run 'cerebro-conn certs k' to see what is wrong with it\n"
            ),
            "\(result.err)"
        )
        #expect(!result.err.contains("no certificate of"))
    }
}
