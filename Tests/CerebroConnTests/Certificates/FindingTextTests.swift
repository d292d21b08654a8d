import CerebroConn
import Foundation
import Testing

/// The words of every kind of finding, rendered for a file in `/home/u/certs/x/`.
@Suite struct FindingTextTests {
    /// One row: a finding's file and kind, its message, and its severity.
    struct TextCase: Sendable, CustomTestStringConvertible {
        let file: String
        let kind: FindingKind
        let message: String
        let severity: FindingSeverity

        var testDescription: String { message }

        var finding: Finding {
            Finding(path: "/home/u/certs/x/" + file, kind: kind)
        }
    }

    static let day = Date(timeIntervalSince1970: 1_800_000_000)
    static let caPath = "/home/u/certs/x/ca.crt"
    static let crtPath = "/home/u/certs/x/client.crt"

    static let textCases: [TextCase] = [
        TextCase(
            file: "client.crt",
            kind: .notForClientAuthentication,
            message: "client.crt is not for client authentication: its extended key usage "
                + "leaves out clientAuth",
            severity: .error
        ),
        TextCase(
            file: "client.crt",
            kind: .keyUnusableWithTLS13(algorithm: "DSA"),
            message: "client.crt holds a DSA key, which TLS 1.3 cannot sign with: over TLS 1.3 "
                + "no client certificate is sent",
            severity: .warning
        ),
        TextCase(
            file: "client.key",
            kind: .fileMissing,
            message: "client.key does not exist",
            severity: .error
        ),
        TextCase(
            file: "client.key",
            kind: .notARegularFile,
            message: "client.key is not a regular file",
            severity: .error
        ),
        TextCase(
            file: "client.key",
            kind: .fileUnreadable(reason: "permission denied"),
            message: "client.key cannot be read: permission denied",
            severity: .error
        ),
        TextCase(
            file: "client.key",
            kind: .keyPermissionsTooOpen(mode: 0o644, ownerUserID: 0, ownerIsCurrentUser: false),
            message: "client.key: mode 0644, owner root — allowed is 0600 or stricter if you own "
                + "it, 0640 or stricter if root owns it",
            severity: .error
        ),
        TextCase(
            file: "client.key",
            kind: .keyPermissionsTooOpen(mode: 0o40, ownerUserID: 1000, ownerIsCurrentUser: true),
            message: "client.key: mode 0040, owner uid 1000 (you) — allowed is 0600 or stricter "
                + "if you own it, 0640 or stricter if root owns it",
            severity: .error
        ),
        TextCase(file: "ca.crt", kind: .fileEmpty, message: "ca.crt is empty", severity: .error),
        TextCase(
            file: "ca.crt",
            kind: .contentsUnrecognized,
            message: "ca.crt holds neither PEM nor DER data",
            severity: .error
        ),
        TextCase(
            file: "ca.crt",
            kind: .malformedPEM(reason: "bad base64 decode"),
            message: "ca.crt has a PEM block that cannot be read (bad base64 decode)",
            severity: .error
        ),
        TextCase(
            file: "ca.crt",
            kind: .undecodableBlock(label: "CERTIFICATE"),
            message: "ca.crt: the CERTIFICATE block does not decode",
            severity: .error
        ),
        TextCase(
            file: "client.key",
            kind: .derEncoded(.encryptedPrivateKey),
            message: "client.key is an encrypted DER key, which libpq cannot load",
            severity: .error
        ),
        TextCase(
            file: "client.key",
            kind: .keyMissing(found: ["CERTIFICATE"]),
            message: "client.key contains a CERTIFICATE, not a private key",
            severity: .error
        ),
        TextCase(
            file: "client.key",
            kind: .keyMissing(found: ["PUBLIC KEY"]),
            message: "client.key contains a PUBLIC KEY, not a private key",
            severity: .error
        ),
        TextCase(
            file: "client.key",
            kind: .keyMissing(found: []),
            message: "client.key holds no private key",
            severity: .error
        ),
        TextCase(
            file: "ca.crt",
            kind: .certificateMissing(found: ["RSA PRIVATE KEY"]),
            message: "ca.crt contains an RSA PRIVATE KEY, not a certificate",
            severity: .error
        ),
        TextCase(
            file: "ca.crt",
            kind: .certificateMissing(found: ["ENCRYPTED PRIVATE KEY"]),
            message: "ca.crt contains an ENCRYPTED PRIVATE KEY, not a certificate",
            severity: .error
        ),
        TextCase(
            file: "client.key",
            kind: .keyEncrypted(.pkcs1RSA),
            message: "client.key is encrypted (PKCS#1 RSA); a passphrase (sslpassword) is "
                + "needed to use it",
            severity: .note
        ),
        TextCase(
            file: "client.key",
            kind: .keyDecrypted(.pkcs8),
            message: "client.key is encrypted (PKCS#8); the passphrase decrypts it",
            severity: .note
        ),
        TextCase(
            file: "client.key",
            kind: .wrongPassphrase,
            message: "could not decrypt client.key (wrong passphrase?)",
            severity: .error
        ),
        TextCase(
            file: "client.key",
            kind: .keyUndecodable(reasons: ["unsupported"]),
            message: "client.key: the private key cannot be loaded (unsupported)",
            severity: .error
        ),
        TextCase(
            file: "client.crt",
            kind: .expiresSoon(notAfter: day, daysLeft: 1),
            message: "client.crt expires on 2027-01-15 08:00:00 UTC, in 1 day",
            severity: .warning
        ),
        TextCase(
            file: "client.crt",
            kind: .expiresSoon(notAfter: day, daysLeft: 0),
            message: "client.crt expires on 2027-01-15 08:00:00 UTC, in less than a day",
            severity: .warning
        ),
        TextCase(
            file: "ca.crt",
            kind: .otherCertificateNotYetValid(subject: "CN=Next CA", notBefore: day),
            message: "ca.crt: certificate 'CN=Next CA' is not valid before 2027-01-15 08:00:00 UTC",
            severity: .warning
        ),
        TextCase(
            file: "ca.crt",
            kind: .otherCertificateExpiresSoon(subject: "CN=CA", notAfter: day, daysLeft: 3),
            message: "ca.crt: certificate 'CN=CA' expires on 2027-01-15 08:00:00 UTC, in 3 days",
            severity: .warning
        ),
        TextCase(
            file: "client.crt",
            kind: .notSignedByAuthority(
                authorityPath: caPath,
                reason: "certificate signature failure"
            ),
            message: "client.crt is not signed by a certificate in ca.crt (certificate signature "
                + "failure)",
            severity: .warning
        ),
        TextCase(
            file: "client.key",
            kind: .keyDoesNotMatch(certificatePath: crtPath),
            message: "client.crt and client.key do not belong together (public keys differ)",
            severity: .error
        ),
    ]

    @Test(arguments: textCases)
    func findingReadsAsExpected(_ row: TextCase) {
        #expect(row.finding.description == row.message)
        #expect(row.finding.severity == row.severity)
    }

    @Test(arguments: textCases)
    func findingFollowsTheMessageStyle(_ row: TextCase) {
        let message = row.finding.description

        #expect(message.first?.isUppercase == false)
        #expect(!message.hasSuffix("."))
        #expect(row.finding.hint.map { !$0.hasSuffix(".") } ?? true)
    }
}
