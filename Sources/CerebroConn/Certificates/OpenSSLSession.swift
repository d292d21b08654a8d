internal import CCerebroCrypto
internal import COpenSSL

/// Reads what an established TLS session shows about both ends.
///
/// The `SSL *` is libpq's, lent through `LibpqConnection.withSSLObject`; it is never kept or
/// freed here. Certificates taken from it are owned by `OpenSSLCertificate` and freed at once.
enum OpenSSLSession {
    /// The server's certificate (`SSL_get1_peer_certificate`), decoded; nil when it sent none.
    static func peerCertificate(of session: OpaquePointer) -> CertificateSummary? {
        guard let handle = SSL_get1_peer_certificate(session) else {
            return nil
        }
        return OpenSSLCertificate(taking: handle).summary()
    }

    /// The certificate libpq loaded for this side (`SSL_get_certificate`); nil when none.
    static func ownCertificate(of session: OpaquePointer) -> CertificateSummary? {
        guard let handle = SSL_get_certificate(session) else {
            return nil
        }
        // SSL_get_certificate lends its pointer; a reference of our own makes the owner's free
        // in deinit balance.
        X509_up_ref(handle)
        return OpenSSLCertificate(taking: handle).summary()
    }

    /// OpenSSL's verdict on the server's chain (`SSL_get_verify_result`): its code and text.
    ///
    /// The code is `X509_V_OK` (0) only when a chain was checked and verified; under
    /// `sslmode=require` without a CA it is typically 19, a self-signed certificate in the chain.
    static func verifyResult(of session: OpaquePointer) -> (code: Int, reason: String) {
        let code = SSL_get_verify_result(session)
        let reason = X509_verify_cert_error_string(code).map { String(cString: $0) } ?? "unknown"
        return (Int(code), reason)
    }
}
