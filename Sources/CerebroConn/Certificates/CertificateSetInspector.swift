#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// Checks one certificate set before libpq sees it, and reports what libpq or the server would
/// refuse, what will soon go wrong, and what the caller must supply.
///
/// The inspector reads files and never changes them. Time and the current user are inputs, so
/// that results do not depend on the machine.
public struct CertificateSetInspector: Sendable {
    /// The instant against which validity windows are checked.
    public var now: Date

    /// The user that will connect; only used to say "you" about a key's owner.
    public var currentUserID: UInt32

    /// How many days before a certificate's end a warning starts.
    public var expiryWarningDays: Int

    /// Creates an inspector for the given instant and user.
    public init(now: Date = Date(), currentUserID: UInt32 = getuid(), expiryWarningDays: Int = 30) {
        self.now = now
        self.currentUserID = currentUserID
        self.expiryWarningDays = expiryWarningDays
    }

    /// Checks the files of one set; a nil path is a file the set does not have.
    ///
    /// With `keyPassphrase`, an encrypted key is decrypted (and the passphrase checked) so that
    /// it can be matched to the certificate; without it, the pair check is skipped for an
    /// encrypted key. The passphrase is not kept and appears in no finding.
    /// - Returns: findings in file order: the client certificate, the key, the pair, the CA.
    public func inspect(
        clientCertificate: String?,
        clientKey: String?,
        certificateAuthority: String?,
        keyPassphrase: String? = nil
    ) -> [Finding] {
        inspection(
            clientCertificate: clientCertificate,
            clientKey: clientKey,
            certificateAuthority: certificateAuthority,
            keyPassphrase: keyPassphrase
        ).findings
    }

    /// Checks the files of one set as `inspect` does, and also returns the client certificate
    /// the checks decoded, so that a caller does not decode the file a second time.
    func inspection(
        clientCertificate: String?,
        clientKey: String?,
        certificateAuthority: String?,
        keyPassphrase: String?
    ) -> SetInspection {
        var findings: [Finding] = []
        let client = clientCertificate.flatMap { loadCertificates(at: $0, into: &findings) }
        if let client {
            checkClientCertificates(client, into: &findings)
        }

        let key = clientKey.flatMap { loadKey(at: $0, passphrase: keyPassphrase, into: &findings) }
        if let client, let key, let first = client.certificates.first, !first.matches(key.key) {
            // When the file's leaf stands later in it and the key is that leaf's, the order is
            // the one fault: saying the pair does not belong together would send the user
            // looking for another key.
            let outOfOrder = findings.contains(Finding(path: client.path, kind: .leafNotFirst))
            if !outOfOrder
                || !client.certificates.dropFirst().contains(where: { $0.matches(key.key) })
            {
                findings.append(
                    Finding(path: key.path, kind: .keyDoesNotMatch(certificatePath: client.path))
                )
            }
        }

        let authority = certificateAuthority.flatMap { loadCertificates(at: $0, into: &findings) }
        if let authority {
            checkAuthorityCertificates(authority, into: &findings)
        }
        if let client, let authority {
            checkSignature(of: client, by: authority, into: &findings)
        }
        return SetInspection(findings: findings, clientLeaf: client?.summaries.first)
    }
}

/// What inspecting a set found, and the client certificate as the checks decoded it.
struct SetInspection {
    /// The findings, as `CertificateSetInspector.inspect` returns them.
    let findings: [Finding]

    /// The first certificate of the client certificate file, when every certificate in the
    /// file decoded.
    let clientLeaf: CertificateSummary?
}

// MARK: - Files

/// The decoded certificates of one file, with their summaries.
struct CertificateFile {
    /// The file, as the caller gave it.
    let path: String

    /// The certificates, in file order.
    let certificates: [OpenSSLCertificate]

    /// One summary per certificate, in the same order.
    let summaries: [CertificateSummary]
}

/// The decoded key of the key file.
struct KeyFile {
    /// The file, as the caller gave it.
    let path: String

    /// The decoded (and, if need be, decrypted) key.
    let key: OpenSSLPrivateKey
}

extension CertificateSetInspector {
    /// Whether the file can be read at all, recording why not; for a key, also checks its mode.
    func checkFile(at path: String, isKey: Bool, into findings: inout [Finding]) -> Bool {
        let status: FileStatus
        switch FileStatus.read(path: path) {
        case .success(let value):
            status = value
        case .failure(let error):
            let kind: FindingKind =
                error.isNotFound ? .fileMissing : .fileUnreadable(reason: error.reason)
            findings.append(Finding(path: path, kind: kind))
            return false
        }

        // libpq refuses a key that is not a regular file; any file is fine for certificates.
        if status.kind == .directory || (isKey && status.kind != .regularFile) {
            findings.append(Finding(path: path, kind: .notARegularFile))
            return false
        }
        if isKey {
            checkKeyPermissions(status, at: path, into: &findings)
        }

        if case .failure(let error) = FileStatus.checkReadable(path: path) {
            findings.append(Finding(path: path, kind: .fileUnreadable(reason: error.reason)))
            return false
        }
        return true
    }

    private func checkKeyPermissions(
        _ status: FileStatus,
        at path: String,
        into findings: inout [Finding]
    ) {
        let ownerIsRoot = status.ownerUserID == 0
        guard !KeyPermissionRule.allows(mode: status.permissions, ownerIsRoot: ownerIsRoot) else {
            return
        }
        let kind = FindingKind.keyPermissionsTooOpen(
            mode: status.permissions,
            ownerUserID: status.ownerUserID,
            ownerIsCurrentUser: status.ownerUserID == currentUserID
        )
        findings.append(Finding(path: path, kind: kind))
    }

    /// Reads and decodes a file, recording a finding and returning nil when that fails.
    func decodeFile(at path: String, isKey: Bool, into findings: inout [Finding]) -> DecodedFile? {
        guard checkFile(at: path, isKey: isKey, into: &findings) else {
            return nil
        }

        do {
            return try OpenSSLFileDecoder.decode(FileBytes.read(path: path))
        } catch {
            findings.append(Finding(path: path, kind: .inspectionFailed(reason: error.description)))
            return nil
        }
    }

    /// Findings for an empty or unrecognised file and for damaged PEM blocks.
    func contentFindings(_ inspection: FileInspection, at path: String) -> [Finding] {
        switch inspection {
        case .empty:
            return [Finding(path: path, kind: .fileEmpty)]
        case .unrecognized:
            return [Finding(path: path, kind: .contentsUnrecognized)]
        case .der:
            return []
        case .pem(let contents):
            return contents.blocks.compactMap { block in
                switch block {
                case .malformed(let reason):
                    Finding(path: path, kind: .malformedPEM(reason: reason))
                case .undecodable(let label):
                    Finding(path: path, kind: .undecodableBlock(label: label))
                default:
                    nil
                }
            }
        }
    }
}
