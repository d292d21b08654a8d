internal import CCerebroCrypto
internal import COpenSSL

/// A file as OpenSSL decoded it: the classification and the objects that decoded.
struct DecodedFile {
    /// What the file holds.
    var inspection: FileInspection

    /// The certificates that decoded, in file order.
    var certificates: [OpenSSLCertificate] = []

    /// The unencrypted private keys that decoded, in file order.
    var privateKeys: [OpenSSLPrivateKey] = []

    /// The bytes that were decoded, so that a key is loaded from what was inspected.
    var bytes: [UInt8] = []

    /// The key as `PEM_read_bio_PrivateKey` read it without a passphrase, when the file is one
    /// plain PEM key block; the key loader uses it instead of reading the file again.
    var keyAsLibpqReadsIt: OpenSSLPrivateKey?
}

/// Classifies file bytes with OpenSSL: `PEM_read_bio` for PEM blocks, `d2i_*` for DER.
///
/// Every decision rests on what OpenSSL reads; no PEM, DER or ASN.1 is parsed here.
enum OpenSSLFileDecoder {
    /// Decodes every PEM block of `bytes`, or the whole of `bytes` as DER when there is none.
    static func decode(_ bytes: [UInt8]) throws(CertificateFileError) -> DecodedFile {
        defer { OpenSSLErrors.clear() }
        var file = try classify(bytes)
        file.bytes = bytes
        return file
    }

    private static func classify(_ bytes: [UInt8]) throws(CertificateFileError) -> DecodedFile {
        if bytes.allSatisfy({ [0x09, 0x0A, 0x0D, 0x20].contains($0) }) {
            return DecodedFile(inspection: .empty)
        }
        if let file = decodeLonePlainKey(bytes) {
            return file
        }

        let bio = try OpenSSLBIO(bytes: bytes)
        var file = DecodedFile(inspection: .pem(PEMFileContents(blocks: [])))
        var sawBlock = false
        readLoop: while true {
            switch readBlock(from: bio) {
            case .block(let block):
                sawBlock = true
                add(block, to: &file)
            case .malformed(let reason):
                sawBlock = true
                append(.malformed(reason: reason), to: &file)
                break readLoop
            case .end:
                break readLoop
            }
        }

        return sawBlock ? file : decodeDER(bytes)
    }

    // MARK: - PEM

    /// One block as `PEM_read_bio` returned it.
    private struct RawBlock {
        let label: String
        let isEncrypted: Bool
        let data: [UInt8]
    }

    private enum BlockRead {
        case block(RawBlock)
        case malformed(reason: String)
        case end
    }

    private static func readBlock(from bio: OpenSSLBIO) -> BlockRead {
        bio.withHandle { handle in
            var name: UnsafeMutablePointer<CChar>?
            var header: UnsafeMutablePointer<CChar>?
            var data: UnsafeMutablePointer<UInt8>?
            var length = 0
            guard PEM_read_bio(handle, &name, &header, &data, &length) == 1 else {
                return endOrMalformed()
            }
            defer {
                CCerebroCrypto_free(name)
                CCerebroCrypto_free(header)
                CCerebroCrypto_free(data)
            }

            guard let name, let header, let data else {
                return .malformed(reason: "incomplete block")
            }
            let block = RawBlock(
                label: String(cString: name),
                isEncrypted: isEncrypted(header: header),
                data: Array(UnsafeBufferPointer(start: data, count: length))
            )
            return .block(block)
        }
    }

    private static func endOrMalformed() -> BlockRead {
        // At the end of the input PEM_read_bio fails with "no start line"; anything else is
        // a block it began to read and could not finish.
        if OpenSSLErrors.lastReason() == PEM_R_NO_START_LINE {
            OpenSSLErrors.clear()
            return .end
        }
        return .malformed(reason: OpenSSLErrors.drain().joined(separator: "; "))
    }

    private static func isEncrypted(header: UnsafeMutablePointer<CChar>) -> Bool {
        var cipher = EVP_CIPHER_INFO()
        if PEM_get_EVP_CIPHER_INFO(header, &cipher) == 1 {
            return cipher.cipher != nil
        }

        // OpenSSL refuses the header: it is encrypted unless it is not a Proc-Type header or
        // not an ENCRYPTED one (an unknown cipher still means an encrypted key).
        let reason = OpenSSLErrors.lastReason()
        OpenSSLErrors.clear()
        return reason != PEM_R_NOT_PROC_TYPE && reason != PEM_R_NOT_ENCRYPTED
    }

    private static func add(_ block: RawBlock, to file: inout DecodedFile) {
        switch block.label {
        case "CERTIFICATE", "X509 CERTIFICATE":
            addCertificate(decodeCertificate(block.data), block, &file)
        case "TRUSTED CERTIFICATE":
            let handle = decodeWhole(
                block.data,
                with: { d2i_X509_AUX(nil, $0, $1) },
                free: { X509_free($0) }
            )
            addCertificate(handle, block, &file)
        case "ENCRYPTED PRIVATE KEY":
            let isValid = decodesEncryptedKey(block.data)
            append(
                isValid ? .encryptedPrivateKey(.pkcs8) : .undecodable(label: block.label),
                to: &file
            )
        case "EC PARAMETERS":
            break
        default:
            guard let form = PrivateKeyForm(rawValue: block.label) else {
                append(.other(label: block.label), to: &file)
                return
            }
            addPrivateKey(form: form, block, &file)
        }
    }

    private static func addCertificate(
        _ handle: OpaquePointer?,
        _ block: RawBlock,
        _ file: inout DecodedFile
    ) {
        guard let handle else {
            append(.undecodable(label: block.label), to: &file)
            return
        }
        file.certificates.append(OpenSSLCertificate(taking: handle))
        append(.certificate, to: &file)
    }

    private static func addPrivateKey(
        form: PrivateKeyForm,
        _ block: RawBlock,
        _ file: inout DecodedFile
    ) {
        if block.isEncrypted {
            append(.encryptedPrivateKey(form), to: &file)
            return
        }

        guard let handle = decodePrivateKey(block.data) else {
            append(.undecodable(label: block.label), to: &file)
            return
        }
        file.privateKeys.append(OpenSSLPrivateKey(taking: handle))
        append(.privateKey(form), to: &file)
    }

    private static func append(_ block: PEMBlock, to file: inout DecodedFile) {
        guard case .pem(var contents) = file.inspection else {
            return
        }
        contents.blocks.append(block)
        file.inspection = .pem(contents)
    }

    // MARK: - A lone plain key

    /// Decodes a file that is one unencrypted PEM private key block with a single
    /// `PEM_read_bio_PrivateKey`, the call libpq makes; nil for any other file.
    ///
    /// Otherwise each key block is decoded with `d2i_AutoPrivateKey` and the key loader then
    /// reads the file with `PEM_read_bio_PrivateKey`: in OpenSSL 3.0 each call builds a decoder
    /// chain, about 4.4 million instructions, the largest cost of checking a set. When libpq's
    /// read succeeds, `d2i_AutoPrivateKey` decodes the block too, since it tries every decoder
    /// that the PEM read chooses from; what remains of its rule, that the key fills the whole
    /// block, is checked on OpenSSL's reading of the outer DER header. Any other outcome takes
    /// the general path, which says what is wrong.
    private static func decodeLonePlainKey(_ bytes: [UInt8]) -> DecodedFile? {
        guard let bio = try? OpenSSLBIO(bytes: bytes),
            case .block(let block) = readBlock(from: bio),
            let form = PrivateKeyForm(rawValue: block.label),
            !block.isEncrypted,
            case .end = readBlock(from: bio),
            fillsWholeBlock(block.data),
            case .key(let key)? = try? OpenSSLPrivateKeyReader.read(pem: bytes, passphrase: nil)
        else {
            OpenSSLErrors.clear()
            return nil
        }

        var file = DecodedFile(inspection: .pem(PEMFileContents(blocks: [.privateKey(form)])))
        file.privateKeys = [key]
        file.keyAsLibpqReadsIt = key
        return file
    }

    /// Whether the DER object that starts `der` ends exactly where `der` ends, by the length in
    /// its header as `ASN1_get_object` reads it; false for an indefinite length.
    private static func fillsWholeBlock(_ der: [UInt8]) -> Bool {
        der.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return false
            }

            var cursor: UnsafePointer<UInt8>? = base
            var length = 0
            var tag: Int32 = 0
            var tagClass: Int32 = 0
            let info = ASN1_get_object(&cursor, &length, &tag, &tagClass, buffer.count)
            // 0x80 is an error; 0x21 is a constructed object of indefinite length.
            guard info & 0x80 == 0, info != 0x21, let cursor else {
                return false
            }
            return cursor - base + length == buffer.count
        }
    }

    // MARK: - DER

    private static func decodeDER(_ bytes: [UInt8]) -> DecodedFile {
        if let handle = decodeCertificate(bytes) {
            let certificate = OpenSSLCertificate(taking: handle)
            return DecodedFile(inspection: .der(.certificate), certificates: [certificate])
        }

        // An encrypted key is tried before a plain one, so that the key decoder never meets
        // encrypted data and never looks for a passphrase.
        if decodesEncryptedKey(bytes) {
            return DecodedFile(inspection: .der(.encryptedPrivateKey))
        }

        if let handle = decodePrivateKey(bytes) {
            let key = OpenSSLPrivateKey(taking: handle)
            return DecodedFile(inspection: .der(.privateKey), privateKeys: [key])
        }
        return DecodedFile(inspection: .unrecognized)
    }

    private static func decodeCertificate(_ bytes: [UInt8]) -> OpaquePointer? {
        decodeWhole(bytes, with: { d2i_X509(nil, $0, $1) }, free: { X509_free($0) })
    }

    private static func decodePrivateKey(_ bytes: [UInt8]) -> OpaquePointer? {
        decodeWhole(bytes, with: { d2i_AutoPrivateKey(nil, $0, $1) }, free: { EVP_PKEY_free($0) })
    }

    private static func decodesEncryptedKey(_ bytes: [UInt8]) -> Bool {
        decodesWhole(bytes, with: { d2i_X509_SIG(nil, $0, $1) }, free: { X509_SIG_free($0) })
    }

    /// A `d2i_*` function: reads from the cursor, advances it, returns the new object or nil.
    private typealias DERDecoder = (UnsafeMutablePointer<UnsafePointer<UInt8>?>, Int) ->
        OpaquePointer?

    /// Decodes one DER object with `decoder`; nil unless it decodes and uses every byte.
    ///
    /// The caller owns the result; `free` releases an object that left bytes over.
    private static func decodeWhole(
        _ bytes: [UInt8],
        with decoder: DERDecoder,
        free: (OpaquePointer) -> Void
    ) -> OpaquePointer? {
        bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            guard let base = buffer.baseAddress else {
                return nil
            }

            var cursor: UnsafePointer<UInt8>? = base
            guard let object = decoder(&cursor, buffer.count) else {
                return nil
            }
            guard cursor == base + buffer.count else {
                free(object)
                return nil
            }
            return object
        }
    }

    /// Whether `bytes` decode whole with `decoder`; the decoded object is freed at once.
    private static func decodesWhole(
        _ bytes: [UInt8],
        with decoder: DERDecoder,
        free: (OpaquePointer) -> Void
    ) -> Bool {
        guard let object = decodeWhole(bytes, with: decoder, free: free) else {
            return false
        }
        free(object)
        return true
    }
}
