#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

// The words of every finding, in one place. Messages name the file by its last path component
// (a set lives in one folder, which the caller shows); commands in hints use the full path.

extension Finding: CustomStringConvertible {
    /// What is wrong: a lowercase fragment that names the file, without a final period.
    public var description: String {
        let name = fileName(of: path)
        // A table of messages, one case per kind; splitting it would only scatter the wording.
        switch kind {
        case .fileMissing:
            return "\(name) does not exist"
        case .notARegularFile:
            return "\(name) is not a regular file"
        case .fileUnreadable(let reason):
            return "\(name) cannot be read: \(reason)"
        case .keyPermissionsTooOpen(let mode, let owner, let isCurrentUser):
            let ownerText = Self.ownerText(owner, isCurrentUser: isCurrentUser)
            return "\(name): mode \(Self.octal(mode)), owner \(ownerText) — "
                + KeyPermissionRule.summary
        case .fileEmpty:
            return "\(name) is empty"
        case .contentsUnrecognized:
            return "\(name) holds neither PEM nor DER data"
        case .malformedPEM(let reason):
            return "\(name) has a PEM block that cannot be read (\(reason))"
        case .undecodableBlock(let label):
            return "\(name): the \(label) block does not decode"
        case .derEncoded(let object):
            return Self.derMessage(name, object)
        case .keyMissing(let found):
            return found.first.map { "\(name) contains \(Self.withArticle($0)), not a private key" }
                ?? "\(name) holds no private key"
        case .certificateMissing(let found):
            return found.first.map { "\(name) contains \(Self.withArticle($0)), not a certificate" }
                ?? "\(name) holds no certificate"
        case .keyEncrypted(let form):
            return "\(name) is encrypted (\(form.displayName)); "
                + "a passphrase (sslpassword) is needed to use it"
        case .keyDecrypted(let form):
            return "\(name) is encrypted (\(form.displayName)); the passphrase decrypts it"
        case .wrongPassphrase:
            return "could not decrypt \(name) (wrong passphrase?)"
        case .keyUndecodable(let reasons):
            return "\(name): the private key cannot be loaded\(reasonSuffix(reasons))"
        case .leafNotFirst:
            return "the first certificate in \(name) must be the client (leaf) certificate"
        case .notForClientAuthentication:
            return "\(name) is not for client authentication: its extended key usage leaves "
                + "out clientAuth"
        case .keyUnusableWithTLS13(let algorithm):
            return "\(name) holds a \(algorithm) key, which TLS 1.3 cannot sign with: over "
                + "TLS 1.3 no client certificate is sent"
        case .expired(let notAfter):
            return "\(name) expired on \(Self.utc(notAfter)) UTC"
        case .notYetValid(let notBefore):
            return "\(name) is not valid before \(Self.utc(notBefore)) UTC"
        case .expiresSoon(let notAfter, let days):
            return "\(name) expires on \(Self.utc(notAfter)) UTC, in \(Self.days(days))"
        case .otherCertificateExpired(let subject, let notAfter):
            return "\(name): certificate '\(subject)' expired on \(Self.utc(notAfter)) UTC"
        case .otherCertificateNotYetValid(let subject, let notBefore):
            return "\(name): certificate '\(subject)' is not valid before "
                + "\(Self.utc(notBefore)) UTC"
        case .otherCertificateExpiresSoon(let subject, let notAfter, let days):
            return "\(name): certificate '\(subject)' expires on \(Self.utc(notAfter)) UTC, "
                + "in \(Self.days(days))"
        case .keyDoesNotMatch(let certificatePath):
            return "\(fileName(of: certificatePath)) and \(name) do not belong together "
                + "(public keys differ)"
        case .notSignedByAuthority(let authorityPath, let reason):
            return "\(name) is not signed by a certificate in \(fileName(of: authorityPath)) "
                + "(\(reason))"
        case .inspectionFailed(let reason):
            return "\(name) could not be inspected: \(reason)"
        }
    }

    private static func derMessage(_ name: String, _ object: DERObject) -> String {
        switch object {
        case .certificate:
            "\(name) is a DER certificate; libpq reads certificates only in PEM"
        case .privateKey:
            "\(name) is a DER key; libpq reads it, but the set's files should be PEM"
        case .encryptedPrivateKey:
            "\(name) is an encrypted DER key, which libpq cannot load"
        }
    }
}

// MARK: - Formatting

extension Finding {
    /// Permission bits as four octal digits: `0640`.
    static func octal(_ mode: Int) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A date as `1970-01-19 18:55:45`, always in UTC.
    static func utc(_ date: Date) -> String {
        UTCText.format(date)
    }

    /// A PEM label with "a" or "an" as it is read aloud: a CERTIFICATE, an RSA PRIVATE KEY.
    static func withArticle(_ label: String) -> String {
        let firstWord = label.split(separator: " ").first.map(String.init) ?? label
        let spelledWithVowel = ["RSA", "X509", "SSH2", "SM2"].contains(firstWord)
        let startsWithVowel = firstWord.first.map { "AEIOUaeiou".contains($0) } ?? false
        return (spelledWithVowel || startsWithVowel ? "an " : "a ") + label
    }

    private static func days(_ count: Int) -> String {
        switch count {
        case ..<1: "less than a day"
        case 1: "1 day"
        default: "\(count) days"
        }
    }

    private static func ownerText(_ owner: UInt32, isCurrentUser: Bool) -> String {
        if owner == 0 {
            return "root"
        }
        return isCurrentUser ? "uid \(owner) (you)" : "uid \(owner)"
    }
}
