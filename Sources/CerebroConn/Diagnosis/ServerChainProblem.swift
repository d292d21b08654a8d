#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why the server's certificate chain does not verify against the plan's CA file, found by
/// verifying the chain a peek connection read, as libpq's OpenSSL does, at the current time.
///
/// libpq reports every such failure as `certificate verify failed`; this says which check it
/// was, so that an expired certificate from the right CA is not blamed on the CA file.
public enum ServerChainProblem: Sendable, Equatable {
    /// A certificate of the chain ended before now (`X509_V_ERR_CERT_HAS_EXPIRED`).
    case expired(ChainCertificate, notAfter: Date)

    /// A certificate of the chain starts after now (`X509_V_ERR_CERT_NOT_YET_VALID`).
    case notYetValid(ChainCertificate, notBefore: Date)

    /// No certificate of the CA file signs the chain: the issuer really differs.
    case untrusted(reason: String)

    /// Any other failure, in OpenSSL's words (`X509_verify_cert_error_string`).
    case other(reason: String)
}

/// Which certificate of the server's chain a verification failure is about.
public enum ChainCertificate: Sendable, Equatable {
    /// The server's own certificate (depth 0).
    case server

    /// An intermediate CA certificate the server sent, by subject.
    case intermediate(subject: String)

    /// A CA certificate from the plan's CA file, by subject.
    case authority(subject: String)
}

/// The server's certificate as a peek connection read it, and what verifying it found.
public struct ServerCertificatePeek: Sendable, Equatable {
    /// The server's certificate, decoded.
    public var certificate: CertificateSummary

    /// Why its chain does not verify against the plan's CA file now; nil when it verifies, or
    /// when the plan has no CA file to verify against.
    public var chainProblem: ServerChainProblem?
}
