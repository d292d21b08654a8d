import Foundation
import Testing

/// One preset and what `certs` must make of it when no folder holds a certificate set.
struct CertsStatusCase: Sendable, CustomTestStringConvertible {
    var label: String
    var options: [String]
    var status: Int32
    /// Standard error of `certs NAME`.
    var error: String

    var testDescription: String { label }
}

/// `certs NAME` and `certs --expiring` fail exactly when the preset cannot get the set it needs.
///
/// No server is needed: the scratch home and install folders are empty.
struct CertsExitStatusTests {
    let scratch = Scratch()

    func run(_ arguments: [String]) -> ToolOutput {
        ToolHarness.run(arguments, environment: scratch.environment)
    }

    static let missingAuthority = """
        error: verification level 'full' needs ca.crt, and no certificate folder holds one
          hint: add the CA certificate as ca.crt, or choose '--verify none' (encrypts, verifies \
        nothing)

        """

    static let cases = [
        CertsStatusCase(
            label: "SSL not required: no set is a valid outcome",
            options: [],
            status: 0,
            error: ""
        ),
        CertsStatusCase(
            label: "SSL verifying nothing: no set is a valid outcome",
            options: ["--ssl", "--verify", "none"],
            status: 0,
            error: ""
        ),
        CertsStatusCase(
            label: "SSL with '--verify full' needs a CA that no folder holds",
            options: ["--ssl"],
            status: 1,
            error: missingAuthority
        ),
        CertsStatusCase(
            label: "SSL with '--verify ca' needs a CA that no folder holds",
            options: ["--ssl", "--verify", "ca"],
            status: 1,
            error: missingAuthority.replacingOccurrences(of: "'full'", with: "'ca'")
        ),
    ]

    @Test(arguments: cases)
    func noSetAnywhere(_ row: CertsStatusCase) {
        _ = run(["add", "p", "--host", "db.example.test"] + row.options)

        let certs = run(["certs", "p"])
        let expiring = run(["certs", "--expiring", "30", "p"])

        #expect(certs.status == row.status)
        #expect(certs.err == row.error)
        #expect(certs.out.contains("no client certificate set found; no certificate will be sent"))
        #expect(expiring.status == row.status)
        #expect(expiring.out == "")
        #expect(
            expiring.err
                == (row.status == 0
                    ? "note: no certificate of 1 preset ends within 30 days\n"
                    : "error: p: " + row.error.dropFirst("error: ".count))
        )
    }

    @Test func aMissingCertdirIsAnErrorEvenWithoutSSL() {
        let folder = scratch.path + "/nowhere"
        _ = run(["add", "p", "--host", "db.example.test", "--certdir", folder])

        let certs = run(["certs", "p"])

        #expect(certs.status == 1)
        #expect(certs.err.hasPrefix("error: certificate folder \(folder) does not exist\n"))
    }
}
