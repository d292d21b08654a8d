import Foundation
import Testing

@testable import CerebroConn

struct PresetValidationTests {
    @Test(arguments: [
        "acme", "prod:eu", "Prod EU", "it's", "a&b", "x$y", "*", "ünïcødé", "a b c",
        String(repeating: "n", count: 64),
    ])
    func validNames(_ name: String) {
        #expect(PresetValidation.problem(withName: name) == nil)
    }

    @Test(arguments: [
        "", "a/b", "-x", ".hidden", " lead", "trail ", "new\nline", "tab\there", "\u{A0}nbsp",
        "nbsp\u{A0}",
        String(repeating: "n", count: 65), String(repeating: "😀", count: 63),
    ])
    func invalidNames(_ name: String) {
        #expect(PresetValidation.problem(withName: name) != nil)
    }

    @Test(arguments: [
        "db1.example.test", "127.0.0.1", "::1", "a.example,b.example", "/var/run/postgresql",
    ])
    func validHosts(_ host: String) {
        #expect(PresetValidation.problem(withHost: host) == nil)
    }

    /// Field case 18: the injection vector is refused when the preset is saved.
    @Test(arguments: [
        "db1.example.test sslmode=disable", "a'b", "host\n", "a,,b", "x=y", "fe80::1%",
    ])
    func invalidHosts(_ host: String) {
        #expect(PresetValidation.problem(withHost: host) != nil)
    }

    @Test func portAndTimeoutRanges() {
        #expect(PresetValidation.problem(withPort: 0) != nil)
        #expect(PresetValidation.problem(withPort: 65536) != nil)
        #expect(PresetValidation.problem(withPort: 5432) == nil)
        #expect(PresetValidation.problem(withTimeout: 0) != nil)
        #expect(PresetValidation.problem(withTimeout: 10) == nil)
    }

    /// Field case 12: `~` and `$HOME` expand at the start only.
    @Test func pathExpansion() {
        let environment = Environment(["HOME": "/home/u"])
        #expect(
            PathExpansion.absolute("~/certs/prod", environment: environment) == "/home/u/certs/prod"
        )
        #expect(PathExpansion.absolute("~", environment: environment) == "/home/u")
        #expect(PathExpansion.absolute("$HOME/x", environment: environment) == "/home/u/x")
        #expect(PathExpansion.absolute("/data/a~b", environment: environment) == "/data/a~b")
        #expect(PathExpansion.absolute("rel/x", environment: environment, base: "/w") == "/w/rel/x")
        #expect(PathExpansion.absolute("~root/x", environment: environment) == "/root/x")
        #expect(PathExpansion.absolute("~no-such-user-xyz/x", environment: environment) == nil)
    }

    /// A stored folder means one place wherever the tool runs, and holds no control character.
    @Test(
        arguments: [
            ("/etc/pki/pg/ops", nil),
            ("~/certs/prod", nil),
            ("~", nil),
            ("~root/certs", nil),
            ("$HOME", nil),
            ("$HOME/certs", nil),
            ("/Users/u/Library/Application Support/cerebro", nil),
            ("", "a certificate folder needs a path"),
            ("rv-certs/t1", "a certificate folder is an absolute path, or starts with ~ or $HOME/"),
            ("$HOMEX/a", "a certificate folder is an absolute path, or starts with ~ or $HOME/"),
            ("/tmp/a\u{1B}[31m", "a certificate folder cannot contain control characters"),
            ("/tmp/a\nb", "a certificate folder cannot contain control characters"),
            ("/tmp/a\0b", "a certificate folder cannot contain control characters"),
        ] as [(String, String?)]
    )
    func certificateFolders(_ folder: String, problem: String?) {
        #expect(PresetValidation.problem(withFolder: folder) == problem)
    }

    /// `HOME=/`, a trailing slash or a relative `HOME` still give one absolute user folder.
    @Test func homeIsAbsoluteWithoutATrailingSlash() {
        let current = FileManager.default.currentDirectoryPath
        #expect(Environment(["HOME": "/home/u/"]).home == "/home/u")
        #expect(Environment(["HOME": "/"]).home == "/")
        #expect(
            Environment(["HOME": "relhome"]).home == PathExpansion.standardize(current + "/relhome")
        )
        #expect(
            CertificateLookup(environment: Environment(["HOME": "/"])).userFolder == "/cerebro"
        )
    }

    /// `.`, `..` and empty components are resolved in the text alone.
    @Test func pathsAreStandardizedTextually() {
        let environment = Environment(["HOME": "/home/u"])
        #expect(PathExpansion.absolute("/a/./b//c/../d/", environment: environment) == "/a/b/d")
        #expect(PathExpansion.absolute("/..", environment: environment) == "/")
        #expect(PathExpansion.absolute("/", environment: environment) == "/")
        #expect(PathExpansion.absolute("x/../..", environment: environment, base: "/w") == "/")
        #expect(PathExpansion.absolute("é/ü", environment: environment, base: "/w") == "/w/é/ü")
    }

    @Test func configurationDirectoryOrder() {
        #expect(
            Environment(["CEREBRO_CONN_HOME": "/c", "XDG_CONFIG_HOME": "/x", "HOME": "/h"])
                .configurationDirectory() == "/c"
        )
        #expect(
            Environment(["XDG_CONFIG_HOME": "/x", "HOME": "/h"]).configurationDirectory()
                == "/x/cerebro-conn"
        )
        #expect(Environment(["HOME": "/h"]).configurationDirectory() == "/h/.config/cerebro-conn")
        #expect(Environment(["HOME": "/h"]).configurationDirectory(override: "/o") == "/o")
    }
}
