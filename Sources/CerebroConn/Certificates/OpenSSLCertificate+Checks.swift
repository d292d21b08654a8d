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
        let outcome = X509Verification.verify(
            self,
            anchors: anchors,
            intermediates: intermediates,
            flags: UInt(X509_V_FLAG_NO_CHECK_TIME | X509_V_FLAG_PARTIAL_CHAIN),
            readFailure: X509Verification.reason(in:)
        )
        switch outcome {
        case .verified: return nil
        case .failed(let reason), .notRun(let reason): return reason
        }
    }
}

/// One `X509_verify_cert` run with a throwaway store; every object is freed before returning.
enum X509Verification {
    /// How a run ended.
    enum Outcome<Failure> {
        /// The chain verifies.
        case verified
        /// It does not; what `readFailure` took from the context.
        case failed(Failure)
        /// The verification could not be set up (out of memory, say); why.
        case notRun(reason: String)
    }

    /// Verifies `leaf` up to one of `anchors`, through `intermediates` (untrusted), with the
    /// store `flags` and the context's `purpose` (libssl's name, such as `ssl_server`) if any.
    ///
    /// `readFailure` is handed the context of a failed run, which it may only read.
    static func verify<Failure>(
        _ leaf: OpenSSLCertificate,
        anchors: [OpenSSLCertificate],
        intermediates: [OpenSSLCertificate],
        flags: UInt = 0,
        purpose: String? = nil,
        readFailure: (OpaquePointer) -> Failure
    ) -> Outcome<Failure> {
        OpenSSLCertificate.withHandles(of: anchors) { anchorHandles in
            OpenSSLCertificate.withHandles(of: intermediates) { intermediateHandles in
                leaf.withHandle { leafHandle in
                    defer { OpenSSLErrors.clear() }
                    return run(
                        leafHandle,
                        anchors: anchorHandles,
                        intermediates: intermediateHandles,
                        flags: flags,
                        purpose: purpose,
                        readFailure: readFailure
                    )
                }
            }
        }
    }

    /// OpenSSL's words for the failure a context records.
    static func reason(in context: OpaquePointer) -> String {
        String(cString: X509_verify_cert_error_string(Int(X509_STORE_CTX_get_error(context))))
    }

    private static func run<Failure>(
        _ leaf: OpaquePointer,
        anchors: [OpaquePointer],
        intermediates: [OpaquePointer],
        flags: UInt,
        purpose: String?,
        readFailure: (OpaquePointer) -> Failure
    ) -> Outcome<Failure> {
        // The context refers to the store and the stack, so it is created last and freed first.
        guard let store = X509_STORE_new() else {
            return .notRun(reason: "out of memory")
        }
        defer { X509_STORE_free(store) }
        guard let untrusted = CCerebroCrypto_X509Stack_new() else {
            return .notRun(reason: "out of memory")
        }
        defer { CCerebroCrypto_X509Stack_free(untrusted) }
        guard let context = X509_STORE_CTX_new() else {
            return .notRun(reason: "out of memory")
        }
        defer { X509_STORE_CTX_free(context) }

        for anchor in anchors {
            X509_STORE_add_cert(store, anchor)
        }
        for intermediate in intermediates {
            CCerebroCrypto_X509Stack_push(untrusted, intermediate)
        }
        if flags != 0 {
            X509_STORE_set_flags(store, flags)
        }
        guard X509_STORE_CTX_init(context, store, leaf, untrusted) == 1 else {
            return .notRun(reason: "could not set up the verification")
        }
        if let purpose {
            X509_STORE_CTX_set_default(context, purpose)
        }
        if X509_verify_cert(context) == 1 {
            return .verified
        }
        return .failed(readFailure(context))
    }
}
