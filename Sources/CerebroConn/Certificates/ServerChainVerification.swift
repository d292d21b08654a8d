internal import CCerebroCrypto
internal import COpenSSL

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Verifies the chain a server sent against a CA file, as libpq's OpenSSL does when it
/// connects under `verify-ca` or `verify-full`, to learn which check failed.
///
/// The `SSL *` is libpq's, lent through `LibpqConnection.withSSLObject`; it is never kept or
/// freed here. Every certificate taken from it holds a reference of its own.
enum ServerChainVerification {
    /// The server's certificate and what verifying its chain against `authorityFile` finds.
    ///
    /// - Returns: nil when the server sent no certificate. The problem is nil when the chain
    ///   verifies, or when there is no CA file or it cannot be read (the failure to explain
    ///   is then another one).
    static func peek(of session: OpaquePointer, authorityFile: String?) -> ServerCertificatePeek? {
        guard let handle = SSL_get1_peer_certificate(session) else {
            return nil
        }
        let leaf = OpenSSLCertificate(taking: handle)
        guard let summary = leaf.summary() else {
            return nil
        }
        var peek = ServerCertificatePeek(certificate: summary)
        if let authorityFile, let anchors = try? authorities(in: authorityFile) {
            peek.chainProblem = problem(leaf: leaf, sent: sentChain(of: session), anchors: anchors)
        }
        return peek
    }

    /// The certificates the server sent (`SSL_get_peer_cert_chain`), each with its own reference.
    private static func sentChain(of session: OpaquePointer) -> [OpenSSLCertificate] {
        guard let stack = SSL_get_peer_cert_chain(session) else {
            return []
        }
        return (0..<CCerebroCrypto_X509Stack_count(stack)).compactMap { index in
            guard let certificate = CCerebroCrypto_X509Stack_value(stack, index) else {
                return nil
            }
            // The stack lends its entries; a reference of our own balances the owner's free.
            X509_up_ref(certificate)
            return OpenSSLCertificate(taking: certificate)
        }
    }

    private static func authorities(in path: String) throws -> [OpenSSLCertificate] {
        try OpenSSLFileDecoder.decode(FileBytes.read(path: path)).certificates
    }

    /// One `X509_verify_cert` run at the current time; nil when the chain verifies.
    static func problem(
        leaf: OpenSSLCertificate,
        sent: [OpenSSLCertificate],
        anchors: [OpenSSLCertificate]
    ) -> ServerChainProblem? {
        // What libssl sets for a client checking a server: the `sslserver` purpose. No partial
        // chains and the current time, as libpq leaves them.
        let outcome = X509Verification.verify(
            leaf,
            anchors: anchors,
            intermediates: sent,
            purpose: "ssl_server",
            readFailure: { problem(in: $0, anchors: anchors) }
        )
        switch outcome {
        case .verified: return nil
        case .failed(let problem): return problem
        case .notRun(let reason): return .other(reason: reason)
        }
    }

    /// The failure `context` records, with the certificate it is about.
    private static func problem(
        in context: OpaquePointer,
        anchors: [OpenSSLCertificate]
    ) -> ServerChainProblem {
        let code = X509_STORE_CTX_get_error(context)
        let reason = X509Verification.reason(in: context)
        let current = X509_STORE_CTX_get_current_cert(context)
        let summary = current.flatMap { certificate -> CertificateSummary? in
            // Lent by the context; a reference of our own balances the owner's free.
            X509_up_ref(certificate)
            return OpenSSLCertificate(taking: certificate).summary()
        }
        guard let current, let summary else {
            return .other(reason: reason)
        }
        let which: ChainCertificate =
            if X509_STORE_CTX_get_error_depth(context) == 0 {
                .server
            } else if anchors.contains(where: { $0.withHandle { X509_cmp($0, current) == 0 } }) {
                .authority(subject: summary.subject)
            } else {
                .intermediate(subject: summary.subject)
            }

        switch code {
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return .expired(which, notAfter: summary.notAfter)
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return .notYetValid(which, notBefore: summary.notBefore)
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
            X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
            X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            return .untrusted(reason: reason)
        default:
            return .other(reason: reason)
        }
    }
}
