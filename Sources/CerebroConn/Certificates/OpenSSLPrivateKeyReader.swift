internal import CCerebroCrypto
internal import COpenSSL

/// Reads PEM private keys with `PEM_read_bio_PrivateKey`, the call libpq's OpenSSL makes.
///
/// A passphrase callback is always installed, so OpenSSL never falls back to its own
/// terminal prompt; without a passphrase the callback refuses at once.
enum OpenSSLPrivateKeyReader {
    /// What reading a key produced.
    enum Outcome {
        /// The key decoded.
        case key(OpenSSLPrivateKey)

        /// OpenSSL asked for a passphrase and none was given.
        case needsPassphrase

        /// OpenSSL asked for a passphrase, got one, and still failed: almost always a wrong one.
        case wrongPassphrase

        /// No key decoded and no passphrase was asked for; OpenSSL's reasons.
        case failed(reasons: [String])
    }

    /// Reads the first private key in the PEM `bytes`, decrypting it with `passphrase` if needed.
    ///
    /// The passphrase is copied into a buffer that is zeroed before this returns.
    static func read(pem bytes: [UInt8], passphrase: String?) throws(CertificateFileError)
        -> Outcome
    {
        let bio = try OpenSSLBIO(bytes: bytes)
        let request = PassphraseRequest(passphrase: passphrase)
        defer { request.erase() }

        let context = Unmanaged.passUnretained(request).toOpaque()
        let key = bio.withHandle { handle in
            PEM_read_bio_PrivateKey(
                handle,
                nil,
                { buffer, size, _, context in
                    OpenSSLPrivateKeyReader.supply(buffer, size, context)
                },
                context
            )
        }
        return outcome(key: key, request: request)
    }

    private static func outcome(key: OpaquePointer?, request: PassphraseRequest) -> Outcome {
        let reasons = OpenSSLErrors.drain()
        if let key {
            return .key(OpenSSLPrivateKey(taking: key))
        }
        guard request.wasAsked else {
            return .failed(reasons: reasons)
        }
        return request.hasPassphrase ? .wrongPassphrase : .needsPassphrase
    }

    /// The body of OpenSSL's `pem_password_cb`: copies the passphrase, or refuses with -1.
    private static func supply(
        _ buffer: UnsafeMutablePointer<CChar>?,
        _ size: Int32,
        _ context: UnsafeMutableRawPointer?
    ) -> Int32 {
        guard let context else {
            return -1
        }
        let request = Unmanaged<PassphraseRequest>.fromOpaque(context).takeUnretainedValue()
        return request.copy(into: buffer, capacity: Int(size))
    }
}

/// The passphrase for one read, and whether OpenSSL asked for it; zeroed by `erase()`.
private final class PassphraseRequest {
    private var secret: [CChar]?
    private(set) var wasAsked = false

    init(passphrase: String?) {
        secret = passphrase.map { $0.utf8.map { CChar(bitPattern: $0) } }
    }

    var hasPassphrase: Bool {
        secret != nil
    }

    /// Copies the passphrase into OpenSSL's buffer; -1 (refuse) when it is missing or too long.
    func copy(into buffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int32 {
        wasAsked = true
        guard let buffer, let secret, secret.count <= capacity else {
            return -1
        }

        secret.withUnsafeBufferPointer { source in
            for (offset, byte) in source.enumerated() {
                buffer[offset] = byte
            }
        }
        return Int32(secret.count)
    }

    /// Overwrites the copy of the passphrase with zeros and drops it.
    func erase() {
        guard var bytes = secret else {
            return
        }
        secret = nil
        // OPENSSL_cleanse is a memset the optimiser cannot drop.
        bytes.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
    }
}
