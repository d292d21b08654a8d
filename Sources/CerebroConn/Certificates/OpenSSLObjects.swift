internal import CCerebroCrypto
internal import COpenSSL

// Owners of OpenSSL objects. Each holds one pointer, frees it exactly once in `deinit`,
// and lends it only for the length of a closure.

/// A memory BIO; owns the `BIO *` and frees it once.
final class OpenSSLBIO {
    private let handle: OpaquePointer

    /// Creates an empty memory BIO that OpenSSL can write to.
    init() throws(CertificateFileError) {
        guard let handle = BIO_new(BIO_s_mem()) else {
            throw .openSSLFailure(function: "BIO_new", reasons: OpenSSLErrors.drain())
        }
        self.handle = handle
    }

    /// Creates a memory BIO that reads a copy of `bytes`.
    convenience init(bytes: [UInt8]) throws(CertificateFileError) {
        try self.init()

        let written = bytes.withUnsafeBytes { buffer in
            buffer.isEmpty ? 0 : BIO_write(handle, buffer.baseAddress, Int32(buffer.count))
        }
        guard written == bytes.count else {
            throw .openSSLFailure(function: "BIO_write", reasons: OpenSSLErrors.drain())
        }
    }

    deinit {
        BIO_free(handle)
    }

    /// Lends the `BIO *` to `body`; it must not be kept beyond the call.
    func withHandle<Result, Failure: Error>(
        _ body: (OpaquePointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(handle)
    }

    /// Everything written to the BIO so far, decoded as UTF-8.
    func text() -> String {
        var data: UnsafeMutablePointer<CChar>?
        let length = CCerebroCrypto_BIO_getMemoryData(handle, &data)
        guard let data, length > 0 else {
            return ""
        }
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A decoded X.509 certificate; owns the `X509 *` and frees it once.
final class OpenSSLCertificate {
    private let handle: OpaquePointer

    /// Takes ownership of a certificate that OpenSSL allocated.
    init(taking handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        X509_free(handle)
    }

    /// Lends the `X509 *` to `body`; it must not be kept beyond the call.
    func withHandle<Result, Failure: Error>(
        _ body: (OpaquePointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(handle)
    }

    /// Lends the `X509 *` of several certificates at once, keeping all of them alive meanwhile.
    static func withHandles<Result>(
        of certificates: [OpenSSLCertificate],
        _ body: ([OpaquePointer]) -> Result
    ) -> Result {
        withExtendedLifetime(certificates) {
            body(certificates.map(\.handle))
        }
    }
}

/// A decoded private key; owns the `EVP_PKEY *` and frees it once.
///
/// The key material never leaves OpenSSL: Swift code only asks questions about the key.
final class OpenSSLPrivateKey {
    private let handle: OpaquePointer

    /// Takes ownership of a key that OpenSSL allocated.
    init(taking handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        EVP_PKEY_free(handle)
    }

    /// Lends the `EVP_PKEY *` to `body`; it must not be kept beyond the call.
    func withHandle<Result, Failure: Error>(
        _ body: (OpaquePointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(handle)
    }
}

/// OpenSSL's per-thread error queue.
enum OpenSSLErrors {
    /// Empties the queue and returns OpenSSL's reason text for each entry, oldest first.
    static func drain() -> [String] {
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            reasons.append(reason(for: code))
        }
        return reasons
    }

    /// Empties the queue, discarding the entries; used after a failure that is an expected answer.
    static func clear() {
        ERR_clear_error()
    }

    /// The reason code of the most recent entry, without removing it; 0 when the queue is empty.
    static func lastReason() -> Int32 {
        CCerebroCrypto_errorReason(ERR_peek_last_error())
    }

    private static func reason(for code: UInt) -> String {
        guard let text = ERR_reason_error_string(code) else {
            return "OpenSSL error \(String(code, radix: 16))"
        }
        return String(cString: text)
    }
}
