#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// The decoded fields of one X.509 certificate that people need to see or check.
public struct CertificateSummary: Equatable, Sendable {
    /// The subject in one-line RFC 2253 form, last RDN first: `CN=app,O=Studio`.
    public var subject: String

    /// The issuer in the same form as `subject`.
    public var issuer: String

    /// The subject's first common name (`CN`), if any.
    public var commonName: String?

    /// The subject's organizational units (`OU`), in certificate order.
    public var organizationalUnits: [String]

    /// The serial number in upper-case hexadecimal without separators.
    public var serialNumber: String

    /// The start of the validity window.
    public var notBefore: Date

    /// The end of the validity window; the certificate is valid through this instant.
    public var notAfter: Date

    /// The subject alternative names, in certificate order.
    public var subjectAlternativeNames: [SubjectAlternativeName]

    /// The certificate's public key.
    public var publicKey: PublicKeyDescription

    /// Whether basic constraints say `CA:TRUE`.
    public var isCertificateAuthority: Bool

    /// The Cargador upload scope carried in the `OU` field.
    public var uploadScope: UploadScope {
        UploadScope(organizationalUnits: organizationalUnits)
    }

    /// Reads every certificate in a PEM or DER file, in file order.
    ///
    /// Throws `noCertificate` when the file holds none.
    public static func read(fromFile path: String) throws(CertificateFileError)
        -> [CertificateSummary]
    {
        let file = try OpenSSLFileDecoder.decode(FileBytes.read(path: path))
        guard !file.certificates.isEmpty else {
            throw .noCertificate(path: path)
        }

        var summaries: [CertificateSummary] = []
        for certificate in file.certificates {
            guard let summary = certificate.summary() else {
                throw .undecodable(path: path, reasons: OpenSSLErrors.drain())
            }
            summaries.append(summary)
        }
        return summaries
    }
}

/// One subject alternative name, rendered as text.
public enum SubjectAlternativeName: Equatable, Sendable {
    /// A DNS name, such as `db.example.test`.
    case dns(String)

    /// An IPv4 or IPv6 address in its usual text form.
    case ipAddress(String)

    /// An e-mail address.
    case email(String)

    /// A URI.
    case uri(String)

    /// Any other kind of name, which is not shown decoded.
    case other
}

/// The algorithm and size of a public key.
public struct PublicKeyDescription: Equatable, Sendable {
    /// The key's algorithm.
    public var algorithm: PublicKeyAlgorithm

    /// The key size in bits, as OpenSSL counts it (`EVP_PKEY_get_bits`).
    public var bits: Int

    /// Creates a description from an algorithm and a size.
    public init(algorithm: PublicKeyAlgorithm, bits: Int) {
        self.algorithm = algorithm
        self.bits = bits
    }
}

/// A public key algorithm.
public enum PublicKeyAlgorithm: Equatable, Sendable {
    /// RSA.
    case rsa

    /// Elliptic curve, with the curve's NIST name (`P-256`) or else its OpenSSL name.
    case ellipticCurve(curve: String)

    /// Ed25519.
    case ed25519

    /// Ed448.
    case ed448

    /// DSA.
    case dsa

    /// Another algorithm, by OpenSSL's short name.
    case other(String)
}

extension PublicKeyDescription: CustomStringConvertible {
    /// A short text such as `RSA 2048 bits` or `EC P-256`.
    public var description: String {
        switch algorithm {
        case .rsa:
            "RSA \(bits) bits"
        case .ellipticCurve(let curve):
            "EC \(curve)"
        case .ed25519:
            "Ed25519"
        case .ed448:
            "Ed448"
        case .dsa:
            "DSA \(bits) bits"
        case .other(let name):
            "\(name) \(bits) bits"
        }
    }
}
