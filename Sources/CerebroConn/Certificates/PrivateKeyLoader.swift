/// What a loaded private key is; the key material itself never leaves OpenSSL.
public struct PrivateKeySummary: Equatable, Sendable {
    /// The algorithm and size of the key.
    public var publicKey: PublicKeyDescription

    /// How the file stores the key: a PEM form, or `nil` for DER.
    public var form: PrivateKeyForm?

    /// Whether the file holds the key encrypted.
    public var isEncrypted: Bool

    /// Creates a summary from its parts.
    public init(publicKey: PublicKeyDescription, form: PrivateKeyForm?, isEncrypted: Bool) {
        self.publicKey = publicKey
        self.form = form
        self.isEncrypted = isEncrypted
    }
}

/// Loads private keys the way libpq does: PEM first (with a passphrase if needed), then DER.
public enum PrivateKeyLoader {
    /// Loads the first private key in the file at `path`, decrypting it with `passphrase`.
    ///
    /// OpenSSL never prompts: an encrypted key without a passphrase throws `needsPassphrase`,
    /// one that the passphrase does not open throws `wrongPassphrase`. The passphrase is not
    /// kept after the call and appears in no error.
    public static func load(fromFile path: String, passphrase: String? = nil)
        throws(CertificateFileError) -> PrivateKeySummary
    {
        let loaded = try loadKey(fromFile: path, passphrase: passphrase)
        return loaded.key.withHandle { handle in
            PrivateKeySummary(
                publicKey: PublicKeyDescription(key: handle),
                form: loaded.form,
                isEncrypted: loaded.isEncrypted
            )
        }
    }

    /// A decoded key with what the file said about it.
    struct LoadedKey {
        /// The decoded key.
        let key: OpenSSLPrivateKey

        /// The PEM form, or nil for DER.
        let form: PrivateKeyForm?

        /// Whether the file holds the key encrypted.
        let isEncrypted: Bool
    }

    /// Loads the key as an OpenSSL object, for checks such as matching it to a certificate.
    static func loadKey(fromFile path: String, passphrase: String?)
        throws(CertificateFileError) -> LoadedKey
    {
        let file = try OpenSSLFileDecoder.decode(FileBytes.read(path: path))
        return try loadKey(from: file, path: path, passphrase: passphrase)
    }

    /// Loads the key from a file already read and decoded, for checks that inspected it.
    static func loadKey(from file: DecodedFile, path: String, passphrase: String?)
        throws(CertificateFileError) -> LoadedKey
    {
        switch file.inspection {
        case .der(.privateKey):
            guard let key = file.privateKeys.first else {
                throw .noPrivateKey(path: path)
            }
            return LoadedKey(key: key, form: nil, isEncrypted: false)
        case .pem(let contents):
            guard let block = contents.firstPrivateKey else {
                throw .noPrivateKey(path: path)
            }
            return try loadPEM(file, block: block, path: path, passphrase: passphrase)
        case .der(.encryptedPrivateKey):
            // libpq reads a DER key without a passphrase, so an encrypted one cannot be used.
            throw .undecodable(path: path, reasons: ["encrypted DER keys are not supported"])
        case .der, .empty, .unrecognized:
            throw .noPrivateKey(path: path)
        }
    }

    private static func loadPEM(
        _ file: DecodedFile,
        block: PEMBlock,
        path: String,
        passphrase: String?
    ) throws(CertificateFileError) -> LoadedKey {
        let form: PrivateKeyForm?
        let isEncrypted: Bool
        switch block {
        case .privateKey(let blockForm):
            (form, isEncrypted) = (blockForm, false)
        case .encryptedPrivateKey(let blockForm):
            (form, isEncrypted) = (blockForm, true)
        default:
            (form, isEncrypted) = (nil, false)
        }

        if case .privateKey = block, let key = file.keyAsLibpqReadsIt {
            // The decoder read this plain key with the same call; no passphrase plays a part.
            return LoadedKey(key: key, form: form, isEncrypted: false)
        }
        switch try OpenSSLPrivateKeyReader.read(pem: file.bytes, passphrase: passphrase) {
        case .key(let key):
            return LoadedKey(key: key, form: form, isEncrypted: isEncrypted)
        case .needsPassphrase:
            throw .needsPassphrase(path: path)
        case .wrongPassphrase:
            throw .wrongPassphrase(path: path)
        case .failed(let reasons):
            throw .undecodable(path: path, reasons: reasons)
        }
    }
}
