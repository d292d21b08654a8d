#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The role a file plays in a certificate set.
public enum CertificateSlot: String, Sendable, Equatable {
    /// `client.crt` or `client.pg.crt`.
    case clientCertificate = "client certificate"

    /// `client.key` or `client.pg.key`.
    case clientKey = "client key"

    /// `ca.crt`.
    case authority = "CA certificate"
}

/// One file of a set, decoded for people to read.
public struct CertificateFileDetails: Sendable, Equatable {
    /// The file's role.
    public var slot: CertificateSlot

    /// The file's absolute path.
    public var path: String

    /// The certificates it holds, in file order; empty for a key or an unreadable file.
    public var certificates: [CertificateSummary]

    /// The key it holds, when it is the key slot and loads without a passphrase.
    public var key: PrivateKeySummary?

    /// Whether it is the key slot and the key is encrypted.
    public var isEncryptedKey: Bool

    /// The permission bits, such as `0o600`, when the file exists.
    public var mode: Int?

    /// The user ID that owns the file, when it exists.
    public var ownerUserID: UInt32?
}

/// A set's files decoded, with the inspector's findings.
public struct CertificateSetDetails: Sendable, Equatable {
    /// The files in the order client certificate, key, CA; absent slots are left out.
    public var files: [CertificateFileDetails]

    /// Every finding about the set, as `CertificateSetInspector.inspect` reports it.
    public var findings: [Finding]

    /// Every certificate of the set whose validity ends before `date`, already ended ones too.
    public func certificates(endingBefore date: Date) -> [FiledCertificate] {
        files.flatMap { file in
            file.certificates.filter { $0.notAfter < date }.map {
                FiledCertificate(path: file.path, certificate: $0)
            }
        }
    }
}

/// A decoded certificate and the file it is in.
public struct FiledCertificate: Sendable, Equatable {
    /// The file's absolute path.
    public var path: String

    /// The certificate.
    public var certificate: CertificateSummary
}

extension CertificateSetInspector {
    /// Decodes every file of `set` and inspects the set as a whole; no passphrase is used.
    public func details(of set: CertificateSet) -> CertificateSetDetails {
        var files: [CertificateFileDetails] = []
        if let path = set.clientCertificate {
            files.append(Self.certificateDetails(.clientCertificate, at: path))
        }
        if let path = set.clientKey {
            files.append(Self.keyDetails(at: path))
        }
        if let path = set.authority {
            files.append(Self.certificateDetails(.authority, at: path))
        }

        let findings = inspect(
            clientCertificate: set.clientCertificate,
            clientKey: set.clientKey,
            certificateAuthority: set.authority
        )
        return CertificateSetDetails(files: files, findings: findings)
    }

    private static func certificateDetails(
        _ slot: CertificateSlot,
        at path: String
    ) -> CertificateFileDetails {
        var details = emptyDetails(slot, at: path)
        details.certificates = (try? CertificateSummary.read(fromFile: path)) ?? []
        return details
    }

    private static func keyDetails(at path: String) -> CertificateFileDetails {
        var details = emptyDetails(.clientKey, at: path)
        do {
            details.key = try PrivateKeyLoader.load(fromFile: path)
        } catch .needsPassphrase {
            details.isEncryptedKey = true
        } catch {
            // The findings say what is wrong with the file.
        }
        return details
    }

    private static func emptyDetails(
        _ slot: CertificateSlot,
        at path: String
    ) -> CertificateFileDetails {
        let status = try? FileStatus.read(path: path).get()
        return CertificateFileDetails(
            slot: slot,
            path: path,
            certificates: [],
            key: nil,
            isEncryptedKey: false,
            mode: status?.permissions,
            ownerUserID: status?.ownerUserID
        )
    }
}
