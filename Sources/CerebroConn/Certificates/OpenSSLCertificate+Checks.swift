internal import CCerebroCrypto
internal import COpenSSL

extension OpenSSLCertificate {
    /// Whether `key` is the private key for this certificate (`X509_check_private_key`).
    func matches(_ key: OpenSSLPrivateKey) -> Bool {
        let matches = withHandle { certificate in
            key.withHandle { X509_check_private_key(certificate, $0) == 1 }
        }
        // A mismatch is an answer, not a failure: drop what OpenSSL queued about it.
        OpenSSLErrors.clear()
        return matches
    }

    /// Whether the certificate may identify a TLS client: true without an extended key usage
    /// extension, which allows every use, and with one that lists `clientAuth`.
    var allowsClientAuthentication: Bool {
        withHandle { certificate in
            // X509_get_extension_flags caches the parsed extensions; it never fails on a
            // certificate that decoded.
            let flags = X509_get_extension_flags(certificate)
            guard flags & UInt32(EXFLAG_XKUSAGE) != 0 else {
                return true
            }
            return X509_get_extended_key_usage(certificate) & UInt32(XKU_SSL_CLIENT) != 0
        }
    }

    /// Whether this certificate issued `other`, by names and key identifiers (`X509_check_issued`).
    func isIssuer(of other: OpenSSLCertificate) -> Bool {
        withHandle { issuer in
            other.withHandle { X509_check_issued(issuer, $0) == X509_V_OK }
        }
    }

    /// Verifies this certificate up to one of `anchors`, ignoring validity dates.
    ///
    /// Any certificate in `anchors` may end the chain (`X509_V_FLAG_PARTIAL_CHAIN`);
    /// `intermediates` may be used to reach it but are not trusted themselves.
    /// - Returns: nil when the chain verifies, otherwise OpenSSL's reason.
    func verificationFailure(
        anchors: [OpenSSLCertificate],
        intermediates: [OpenSSLCertificate]
    ) -> String? {
        OpenSSLCertificate.withHandles(of: anchors) { anchorHandles in
            OpenSSLCertificate.withHandles(of: intermediates) { intermediateHandles in
                withHandle { leaf in
                    defer { OpenSSLErrors.clear() }
                    return X509Verification.failure(
                        leaf: leaf,
                        anchors: anchorHandles,
                        intermediates: intermediateHandles
                    )
                }
            }
        }
    }
}

/// One `X509_verify_cert` run with a throwaway store; every object is freed before returning.
private enum X509Verification {
    static func failure(
        leaf: OpaquePointer,
        anchors: [OpaquePointer],
        intermediates: [OpaquePointer]
    ) -> String? {
        // The context refers to the store and the stack, so it is created last and freed first.
        guard let store = X509_STORE_new() else {
            return "out of memory"
        }
        defer { X509_STORE_free(store) }
        guard let untrusted = CCerebroCrypto_X509Stack_new() else {
            return "out of memory"
        }
        defer { CCerebroCrypto_X509Stack_free(untrusted) }
        guard let context = X509_STORE_CTX_new() else {
            return "out of memory"
        }
        defer { X509_STORE_CTX_free(context) }

        for anchor in anchors {
            X509_STORE_add_cert(store, anchor)
        }
        for intermediate in intermediates {
            CCerebroCrypto_X509Stack_push(untrusted, intermediate)
        }
        X509_STORE_set_flags(store, UInt(X509_V_FLAG_NO_CHECK_TIME | X509_V_FLAG_PARTIAL_CHAIN))

        guard X509_STORE_CTX_init(context, store, leaf, untrusted) == 1 else {
            return "could not set up the verification"
        }
        if X509_verify_cert(context) == 1 {
            return nil
        }
        return String(
            cString: X509_verify_cert_error_string(Int(X509_STORE_CTX_get_error(context)))
        )
    }
}
