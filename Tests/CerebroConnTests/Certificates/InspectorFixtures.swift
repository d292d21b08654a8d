import CerebroConn
import Foundation

/// The files of one set under test; nil is a file the set does not have.
struct SetUnderTest {
    var certificate: String?
    var key: String?
    var authority: String?

    /// Runs the inspector on the set.
    func inspect(
        now: Date = Date(),
        currentUserID: UInt32 = getuid(),
        passphrase: String? = nil
    ) -> [Finding] {
        let inspector = CertificateSetInspector(now: now, currentUserID: currentUserID)
        return inspector.inspect(
            clientCertificate: certificate,
            clientKey: key,
            certificateAuthority: authority,
            keyPassphrase: passphrase
        )
    }
}

extension TestPKI {
    /// Makes a matching set in `folder`: `ca.crt`, `client.crt` and a 0600 `client.key`.
    func makeSet(
        in folder: String = "set",
        keyForm: KeyForm = .ecPKCS8,
        validity: Validity = .current()
    ) throws -> (set: SetUnderTest, authority: TestAuthority) {
        let authority = try makeAuthority(folder + "/ca")
        let leaf = try makeLeaf(
            folder + "/client",
            keyForm: keyForm,
            issuer: authority,
            validity: validity
        )
        try setMode(0o600, of: leaf.key)

        let set = SetUnderTest(
            certificate: leaf.certificate,
            key: leaf.key,
            authority: authority.certificate
        )
        return (set, authority)
    }
}

/// A date as the tests expect it in messages: `yyyy-MM-dd HH:mm:ss` in UTC.
func utcText(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date)
}

/// The current time, truncated to a whole second as certificates store it.
func wholeSecondNow() -> Date {
    Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
}
