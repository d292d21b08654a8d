#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// One fact about a certificate set found before connecting: the file, what is wrong, the fix.
public struct Finding: Equatable, Sendable {
    /// The file the finding is about, as the caller gave it.
    public var path: String

    /// What was found, with the data that shows it.
    public var kind: FindingKind

    /// Creates a finding about the file at `path`.
    public init(path: String, kind: FindingKind) {
        self.path = path
        self.kind = kind
    }

    /// How much the finding matters; it follows from the kind.
    public var severity: FindingSeverity {
        kind.severity
    }
}

/// How much a finding matters.
public enum FindingSeverity: String, Equatable, Sendable {
    /// libpq or the server will refuse the set: do not connect until it is fixed.
    case error

    /// The set may work, but something is likely to go wrong or soon will.
    case warning

    /// A fact the caller must act on, such as an encrypted key that needs a passphrase.
    case note
}

/// What a check found; the words are in `Finding.description` and `Finding.hint`.
public enum FindingKind: Equatable, Sendable {
    /// Nothing exists at the path.
    case fileMissing

    /// The path is a folder or a device, not a regular file.
    case notARegularFile

    /// The file exists but this process cannot read it (`access(path, R_OK)`).
    case fileUnreadable(reason: String)

    /// The key's mode breaks libpq's rule (see `KeyPermissionRule`).
    case keyPermissionsTooOpen(mode: Int, ownerUserID: UInt32, ownerIsCurrentUser: Bool)

    /// The file is empty or holds only white space.
    case fileEmpty

    /// The file is neither PEM nor DER that OpenSSL recognises.
    case contentsUnrecognized

    /// A PEM block that OpenSSL cannot read: bad base64, a missing end line.
    case malformedPEM(reason: String)

    /// A certificate or key block whose content does not decode.
    case undecodableBlock(label: String)

    /// The file is DER, not PEM: an error for certificates and encrypted keys, which libpq
    /// reads only in PEM, and a warning for a plain key, which libpq also reads in DER.
    case derEncoded(DERObject)

    /// The key slot holds no private key; `found` lists what it holds instead.
    case keyMissing(found: [String])

    /// A certificate slot holds no certificate; `found` lists what it holds instead.
    case certificateMissing(found: [String])

    /// The key is encrypted: not wrong in itself, but a passphrase must be supplied.
    case keyEncrypted(PrivateKeyForm)

    /// The key is encrypted, and the passphrase supplied decrypts it.
    case keyDecrypted(PrivateKeyForm)

    /// The given passphrase does not decrypt the key.
    case wrongPassphrase

    /// OpenSSL cannot load the key for another reason.
    case keyUndecodable(reasons: [String])

    /// A chain file starts with a CA or with the issuer of a later certificate.
    case leafNotFirst

    /// The client certificate's validity ended.
    case expired(notAfter: Date)

    /// The client certificate's validity has not begun.
    case notYetValid(notBefore: Date)

    /// The client certificate's validity ends within the warning period.
    case expiresSoon(notAfter: Date, daysLeft: Int)

    /// A CA or intermediate certificate's validity ended.
    case otherCertificateExpired(subject: String, notAfter: Date)

    /// A CA or intermediate certificate's validity has not begun.
    case otherCertificateNotYetValid(subject: String, notBefore: Date)

    /// A CA or intermediate certificate's validity ends within the warning period.
    case otherCertificateExpiresSoon(subject: String, notAfter: Date, daysLeft: Int)

    /// The client certificate's extended key usage leaves out TLS client authentication
    /// (`clientAuth`), so the server refuses it with the alert 'unsupported certificate'.
    case notForClientAuthentication

    /// The client certificate's key is of a kind TLS 1.3 has no signature for (DSA), so over
    /// TLS 1.3, which PostgreSQL 15 and libpq choose by default, OpenSSL sends no certificate.
    case keyUnusableWithTLS13(algorithm: String)

    /// The client certificate's public key is not the key file's (`path` is the key).
    case keyDoesNotMatch(certificatePath: String)

    /// No certificate in the CA file signs the client certificate; OpenSSL's reason.
    case notSignedByAuthority(authorityPath: String, reason: String)

    /// The file could not be inspected at all; the error's text.
    case inspectionFailed(reason: String)

    /// How much this kind of finding matters.
    public var severity: FindingSeverity {
        switch self {
        case .derEncoded(.privateKey), .expiresSoon, .otherCertificateExpired,
            .otherCertificateNotYetValid, .otherCertificateExpiresSoon, .notSignedByAuthority,
            .keyUnusableWithTLS13:
            .warning
        case .keyEncrypted, .keyDecrypted:
            .note
        default:
            .error
        }
    }
}
