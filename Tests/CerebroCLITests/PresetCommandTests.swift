import Foundation
import Testing

struct PresetCommandTests {
    let scratch = Scratch()

    func run(_ arguments: [String], input: [String] = [], terminal: Bool = false) -> ToolOutput {
        ToolHarness.run(
            arguments,
            environment: scratch.environment,
            input: input,
            inputIsTerminal: terminal
        )
    }

    @Test func addThenShowPrintsPresetSetAndPlan() throws {
        let certs = scratch.path + "/certs/acme"
        try FileManager.default.createDirectory(atPath: certs, withIntermediateDirectories: true)
        for file in ["client.crt", "client.key", "ca.crt"] {
            _ = FileManager.default.createFile(atPath: "\(certs)/\(file)", contents: Data("x".utf8))
        }

        let added = run([
            "add", "acme", "--host", "db.acme.example:6432", "--ssl", "--certdir", certs,
        ])
        let shown = run(["show", "acme"])

        #expect(added.status == 0)
        #expect(added.out == "")
        #expect(shown.status == 0)
        #expect(shown.out.contains("  user      tester\n"))
        #expect(shown.out.contains("  port=6432\n"))
        #expect(shown.out.contains("  sslmode=verify-full\n"))
        #expect(shown.out.contains("  sslcert=\(certs)/client.crt\n"))
        #expect(shown.out.contains("  sslrootcert=\(certs)/ca.crt\n"))
        #expect(shown.out.contains("server certificate will be verified against \(certs)/ca.crt"))
    }

    @Test func secondAddFailsWithExitOneAndKeepsTheFirst() {
        _ = run(["add", "a", "--host", "first"])
        let second = run(["add", "a", "--host", "second"])

        #expect(second.status == 1)
        #expect(second.err.contains("error: a preset named 'a' exists already"))
        #expect(run(["list", "--json"]).out.contains("\"host\" : \"first\""))
    }

    @Test func missingNameOffATerminalIsAUsageError() {
        let result = run(["add", "--host", "h"])

        #expect(result.status == 64)
        #expect(result.err.hasPrefix("error: missing NAME\nusage: cerebro-conn add [NAME]"))
        #expect(result.err.hasSuffix("See 'cerebro-conn add --help'.\n"))
    }

    @Test func missingNameAndHostAreAskedOnATerminal() {
        let result = run(["add"], input: ["asked", "db.asked.example"], terminal: true)

        #expect(result.status == 0)
        #expect(result.err.contains("Preset name: "))
        #expect(result.err.contains("Preset host: "))
        #expect(run(["list", "--names"]).out == "asked\n")
    }

    @Test func injectedHostIsRejected() {
        let result = run(["add", "odd", "--host", "db1.example.test sslmode=disable"])

        #expect(result.status == 64)
        #expect(
            result.err.hasPrefix(
                "error: invalid value 'db1.example.test sslmode=disable': a host cannot contain a space\n"
                    + "usage: cerebro-conn add"
            )
        )
        #expect(run(["list", "--names"]).out == "")
    }

    @Test func newlineInNameIsRejected() {
        let result = run(["add", "two\nlines", "--host", "h"])
        #expect(result.status == 64)
        #expect(result.err.contains("control or invisible characters"))
    }

    /// Values that break a rule are usage errors (64), named with the rule; nothing is saved.
    @Test(arguments: [
        ["add", "a", "--host", "127.0.0.1:1,localhost"],
        ["add", "a", "--host", "[::1"],
        ["add", "a", "--host", "127.0.0.1:5433:1"],
        ["add", "a", "--host", "1.2.3.999"],
        ["add", "a", "--host", String(repeating: "a", count: 254)],
        ["add", "a", "--host", "-x"],
        ["add", "a", "--host", "h", "--port", "0"],
        ["add", "a", "--host", "h", "--timeout", "0"],
        ["add", "a", "--host", "h", "--db", String(repeating: "d", count: 64)],
        ["add", "a", "--host", "h", "--certdir", ""],
        ["add", "a", "--host", "h", "--certdir", "/tmp/a\u{1B}[31m"],
        ["add", "a", "--host", "h", "--certdir", "/tmp/a\nb"],
        ["add", "x\u{202E}y", "--host", "h"],
        ["add", "zero\u{200B}width", "--host", "h"],
        ["--config", "", "list"],
        ["list", "--names", "--json"],
        ["edit", "a"],
        ["show", "a/b"],
        ["test", "a/b"],
        ["test", "ok", ".hidden"],
    ])
    func badValuesAreUsageErrors(_ arguments: [String]) {
        let result = run(arguments)

        #expect(result.status == 64, "\(result.err)")
        #expect(result.err.contains("usage: cerebro-conn"))
        #expect(run(["list", "--names"]).out == "")
    }

    @Test(arguments: [
        "fe80::1%eth0", "::1", "/var/run/postgresql", "db-1.example.test", "a,b.example",
    ])
    func unusualButValidHostsAreKept(_ host: String) {
        #expect(run(["add", "a", "--host", host]).status == 0)
    }

    @Test func editChangesOnlyWhatIsGivenAndClears() throws {
        _ = run(["add", "a", "--host", "h:6000", "--ssl", "--certdir", "/c", "--user", "bob"])
        let edited = run(["edit", "a", "--no-ssl", "--no-certdir", "--db", "other"])
        let json = run(["show", "a", "--json"]).out

        #expect(edited.status == 0)
        #expect(json.contains("\"ssl_required\" : false"))
        #expect(json.contains("\"cert_dir\" : null"))
        #expect(json.contains("\"database\" : \"other\""))
        #expect(json.contains("\"user\" : \"bob\""))
        #expect(json.contains("\"port\" : 6000"))
    }

    @Test func contradictoryOptionsAreUsageErrors() {
        _ = run(["add", "a", "--host", "h"])
        #expect(run(["edit", "a", "--ssl", "--no-ssl"]).status == 64)
        #expect(run(["add", "b", "--host", "h:1", "--port", "2"]).status == 64)
        #expect(run(["add", "b", "--host", "h", "--port", "x"]).status == 64)
    }

    @Test func renameAndRemove() {
        _ = run(["add", "prod:eu", "--host", "h"])

        #expect(run(["rename", "prod:eu", "Prod EU"]).status == 0)
        #expect(run(["list", "--names"]).out == "Prod EU\n")
        #expect(run(["remove", "Prod EU"]).status == 0)
        #expect(run(["list", "--names"]).out == "")
        let missing = run(["remove", "Prod EU"])
        #expect(missing.status == 1)
        #expect(missing.err.contains("no preset named 'Prod EU'"))
    }

    @Test func listReportsADamagedFileAndStillListsTheRest() throws {
        _ = run(["add", "good", "--host", "h"])
        let broken = scratch.path + "/config/presets/broken.json"
        try Data("{\"name\": ".utf8).write(to: URL(fileURLWithPath: broken))

        let result = run(["list"])

        #expect(result.status == 1)
        #expect(result.out.contains("good  h"))
        #expect(
            result.err.contains(
                "error: \(broken): line 1, column 9: damaged preset file: not valid JSON "
                    + "(unexpected token near end of file)"
            )
        )
    }

    /// Field case 13: PG* variables are listed by `show` as having no effect, but for the
    /// password ones, which libpq still reads.
    @Test func showListsIgnoredEnvironment() throws {
        var environment = scratch.environment
        environment["HOME"] = "/nonexistent"
        environment["PGSSLMODE"] = "disable"
        environment["PGSSLROOTCERT"] = "/usr/local/etc/ssl/other-ca.cer"
        environment["PGHOSTADDR"] = "192.0.2.1"
        environment["PGSERVICE"] = "nosuch"
        environment["PGOPTIONS"] = ""
        environment["PGPASSWORD"] = "sentinel-password"
        environment["PGPASSFILE"] = "/nonexistent/pgpass"
        _ = ToolHarness.run(["add", "web", "--host", "db1.example.test"], environment: environment)

        let result = ToolHarness.run(["show", "web"], environment: environment)
        let json = ToolHarness.run(["show", "web", "--json"], environment: environment)

        #expect(result.out.contains("user folder /nonexistent/cerebro: skipped, does not exist"))
        let listed = result.out.split(separator: "\n").filter { $0.contains("is set") }
        #expect(
            listed == [
                "  PGHOSTADDR is set and has no effect: a preset takes no libpq setting from it",
                "  PGSERVICE is set and has no effect: a preset takes no libpq setting from it",
                "  PGSSLMODE is set and has no effect: a preset takes no libpq setting from it",
                "  PGSSLROOTCERT is set and has no effect: a preset takes no libpq setting from it",
            ]
        )
        #expect(result.out.contains("  sslmode=prefer\n"))
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect(
            object?["ignored_environment"] as? [String] == [
                "PGHOSTADDR", "PGSERVICE", "PGSSLMODE", "PGSSLROOTCERT",
            ]
        )
        #expect(!result.out.contains("sentinel-password"))
        #expect(!json.out.contains("sentinel-password"))
    }

    /// Field case 29, folder-rule variant: two sets in the folder are refused, none picked.
    @Test func twoSetsInAFolderAreRefused() throws {
        let folder = scratch.path + "/p"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in ["client.crt", "client.key", "client.pg.crt", "client.pg.key"] {
            _ = FileManager.default.createFile(
                atPath: "\(folder)/\(file)",
                contents: Data("x".utf8)
            )
        }
        _ = run(["add", "cloud", "--host", "db9.example.test", "--ssl", "--certdir", folder])

        let certs = run(["certs", "cloud"])
        let test = run(["test", "cloud"])

        #expect(certs.status == 1)
        #expect(
            certs.err.contains(
                "folder \(folder) holds more than one certificate set (client.crt, client.key, client.pg.crt, client.pg.key)"
            )
        )
        #expect(test.status == 3)
        #expect(test.out == "cloud: not attempted\n")
    }

    /// Field case 29: with no set anywhere, show says so and the plan points at absent files.
    @Test func noSetMeansNoCertificateIsSent() {
        _ = run(["add", "cloud", "--host", "db9.example.test", "--ssl", "--verify", "none"])

        let shown = run(["show", "cloud"])

        #expect(shown.out.contains("no client certificate set found"))
        #expect(shown.out.contains("  sslcert=/dev/null/cerebro-conn-none/client.crt\n"))
        #expect(shown.out.contains("  sslmode=require\n"))
    }

    @Test func verifyWithoutCAStopsBeforeConnecting() {
        _ = run(["add", "v", "--host", "127.0.0.1", "--ssl"])

        let result = run(["test", "v"])

        #expect(result.status == 3)
        #expect(result.err.contains("verification level 'full' needs ca.crt"))
        #expect(
            result.err.contains("; add the CA certificate as ca.crt, or choose '--verify none'")
        )
    }

    @Test func helpAndVersion() {
        let help = run(["help", "add"])
        #expect(help.status == 0)
        #expect(help.out.contains("usage: cerebro-conn add [NAME]"))
        #expect(help.out.contains("--certdir DIR"))
        #expect(run(["--version"]).out.hasPrefix("cerebro-conn "))
    }

    /// Wide CJK characters take two columns and a combining mark none, so the columns after a
    /// name start at the same place on every row.
    @Test func listLinesUpColumnsAfterWideAndCombiningNames() {
        for name in ["東京", "cafe\u{301}", "ab"] {
            _ = run(["add", name, "--host", "h"])
        }

        let rows = run(["list"]).out.split(separator: "\n").map(String.init)

        #expect(
            rows == [
                "NAME  HOST  PORT  DATABASE  USER    SSL  CERTDIR",
                "ab    h     5432  memoria   tester  off  -",
                "cafe\u{301}  h     5432  memoria   tester  off  -",
                "東京  h     5432  memoria   tester  off  -",
            ]
        )
    }

    /// Only `~…`, `$HOME` and `$HOME/…` are kept as typed: `$HOMEX/a` is an ordinary relative
    /// folder, made absolute when saved, and a relative folder written into a file by hand is
    /// reported as a damaged preset instead of being taken against `/`.
    @Test func relativeFoldersAreAbsoluteOrRefused() throws {
        _ = run(["add", "d", "--host", "h", "--certdir", "$HOMEX/a"])
        _ = run(["add", "hand", "--host", "h", "--certdir", "/placeholder"])
        let path = scratch.path + "/config/presets/hand.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "/placeholder", with: "rv/t1").utf8)
            .write(to: URL(fileURLWithPath: path))

        let stored = run(["show", "d", "--json"]).out
        let hand = run(["show", "hand"])

        let current = FileManager.default.currentDirectoryPath
        #expect(stored.contains(#""cert_dir" : "\#(current)/$HOMEX/a""#), "\(stored)")
        #expect(hand.status == 1)
        #expect(
            hand.err.contains(
                "'rv/t1': a certificate folder is an absolute path, or starts with ~ or $HOME/"
            ),
            "\(hand.err)"
        )
    }

    /// A level without `--ssl` is kept for later, and the user is told it does nothing yet.
    @Test func levelWithoutSSLIsSavedWithAWarning() {
        let added = run(["add", "a", "--host", "h", "--verify", "ca"])
        let edited = run(["edit", "a", "--verify", "none", "--no-ssl"])
        let withSSL = run(["edit", "a", "--verify", "full", "--ssl"])

        let warning =
            "warning: '--verify ca' has no effect while SSL is not required: nothing is verified\n"
            + "  hint: add '--ssl' to require SSL and verify at that level\n"
        #expect(added.status == 0)
        #expect(added.err.contains(warning), "\(added.err)")
        #expect(edited.err.contains("warning: '--verify none' has no effect"))
        #expect(withSSL.status == 0)
        #expect(!withSSL.err.contains("warning:"))
    }

    /// A number too big for the tool is named as out of range, not as "not a whole number".
    @Test func oversizedAndNonNumericValuesAreToldApart() {
        let big = run(["add", "a", "--host", "h", "--timeout", "99999999999999999999"])
        let word = run(["add", "a", "--host", "h", "--timeout", "ten"])

        #expect(big.status == 64)
        #expect(
            big.err.hasPrefix("error: option '--timeout': '99999999999999999999' is out of range\n")
        )
        #expect(word.status == 64)
        #expect(word.err.hasPrefix("error: option '--timeout' takes a whole number, not 'ten'\n"))
    }

    /// A value that breaks a rule is a usage error even when the preset does not exist: the
    /// command line is wrong whatever the store holds.
    @Test(arguments: [
        ["edit", "nosuch", "--port", "70000"],
        ["edit", "nosuch", "--timeout", "0"],
        ["edit", "nosuch", "--host", "a b"],
        ["edit", "nosuch", "--certdir", "/tmp/a\u{1B}b"],
    ])
    func editChecksItsValuesBeforeThePreset(_ arguments: [String]) {
        let result = run(arguments)

        #expect(result.status == 64, "\(result.err)")
        #expect(!result.err.contains("no preset named"))
    }

    /// `edit --certdir` to a folder that is not there is saved with the same warning as `add`.
    @Test func editToAMissingFolderWarnsAsAddDoes() {
        let missing = scratch.path + "/nowhere"
        _ = run(["add", "a", "--host", "h"])

        let added = run(["add", "b", "--host", "h", "--certdir", missing])
        let edited = run(["edit", "a", "--certdir", missing])

        let warning = "warning: certificate folder \(missing) does not exist\n"
        #expect(added.err.contains(warning))
        #expect(edited.status == 0)
        #expect(edited.err.contains(warning), "\(edited.err)")
    }

    /// A folder or a link where the lock file should be gets the fix of removing it.
    @Test func aLockFileThatIsNotAFileIsNamedWithItsFix() throws {
        _ = run(["add", "p", "--host", "h"])
        let lock = scratch.path + "/config/presets/.lock"
        try? FileManager.default.removeItem(atPath: lock)
        try FileManager.default.createDirectory(atPath: lock, withIntermediateDirectories: false)
        let folder = run(["edit", "p", "--port", "2"])
        try FileManager.default.removeItem(atPath: lock)
        try FileManager.default.createSymbolicLink(atPath: lock, withDestinationPath: "/tmp")
        let link = run(["edit", "p", "--port", "2"])

        let hint =
            "  hint: the lock file must be a regular file: remove \(lock) (cerebro-conn makes it "
            + "again), then run the command again\n"
        #expect(folder.status == 1)
        #expect(folder.err.hasSuffix(hint), "\(folder.err)")
        #expect(link.status == 1)
        #expect(link.err.hasSuffix(hint), "\(link.err)")
    }
}
