/// Failures while reading or decoding a certificate or key file.
///
/// Each case carries the path involved. `description` names the file by its last path component,
/// the way the certificate checks do; no case ever carries a passphrase or key material.
public enum CertificateFileError: Error, Equatable, Sendable {
    /// Nothing exists at the path.
    case fileNotFound(path: String)

    /// The file exists but cannot be read; `reason` is the system's text for the error.
    case unreadableFile(path: String, reason: String)

    /// The file holds no certificate, in PEM or DER.
    case noCertificate(path: String)

    /// The file holds no private key, in PEM or DER.
    case noPrivateKey(path: String)

    /// The key is encrypted and no passphrase was given.
    case needsPassphrase(path: String)

    /// The key is encrypted and the given passphrase does not decrypt it.
    case wrongPassphrase(path: String)

    /// OpenSSL found an object of the expected kind but could not decode it.
    case undecodable(path: String, reasons: [String])

    /// An OpenSSL call failed for a reason unrelated to the input, such as memory exhaustion.
    case openSSLFailure(function: String, reasons: [String])
}

extension CertificateFileError: CustomStringConvertible {
    /// A lowercase one-line message that names the file first where the wording allows it.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            "\(fileName(of: path)) does not exist"
        case .unreadableFile(let path, let reason):
            "\(fileName(of: path)) cannot be read: \(reason)"
        case .noCertificate(let path):
            "\(fileName(of: path)) holds no certificate"
        case .noPrivateKey(let path):
            "\(fileName(of: path)) holds no private key"
        case .needsPassphrase(let path):
            "\(fileName(of: path)) is encrypted; a passphrase (sslpassword) is required"
        case .wrongPassphrase(let path):
            "could not decrypt \(fileName(of: path)) (wrong passphrase?)"
        case .undecodable(let path, let reasons):
            "\(fileName(of: path)) cannot be decoded\(reasonSuffix(reasons))"
        case .openSSLFailure(let function, let reasons):
            "OpenSSL failed in \(function)\(reasonSuffix(reasons)); please report this as a bug"
        }
    }
}

/// The last component of a path, used to name a file in messages.
func fileName(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

/// OpenSSL's reasons as a parenthesised suffix, or nothing when there are none.
func reasonSuffix(_ reasons: [String]) -> String {
    reasons.isEmpty ? "" : " (\(reasons.joined(separator: "; ")))"
}
