// Loading each slot of a set: what a certificate slot and the key slot must hold.

extension CertificateSetInspector {
    /// Decodes a certificate slot; nil (with findings) when it yields no certificate.
    func loadCertificates(at path: String, into findings: inout [Finding]) -> CertificateFile? {
        guard let file = decodeFile(at: path, isKey: false, into: &findings) else {
            return nil
        }
        findings += contentFindings(file.inspection, at: path)

        switch file.inspection {
        case .der(.certificate):
            findings.append(Finding(path: path, kind: .derEncoded(.certificate)))
        case .der:
            findings.append(
                Finding(path: path, kind: .certificateMissing(found: ["DER private key"]))
            )
        case .pem(let contents)
        where contents.certificateCount == 0 && !contents.blocks.contains(where: \.isDamaged):
            let found = contents.blocks.map(\.label)
            findings.append(Finding(path: path, kind: .certificateMissing(found: found)))
        case .pem, .empty, .unrecognized:
            break
        }

        let summaries = file.certificates.compactMap { $0.summary() }
        guard summaries.count == file.certificates.count else {
            findings.append(Finding(path: path, kind: .undecodableBlock(label: "CERTIFICATE")))
            return nil
        }
        guard !file.certificates.isEmpty else {
            return nil
        }
        return CertificateFile(path: path, certificates: file.certificates, summaries: summaries)
    }

    /// Decodes the key slot the way libpq loads it; nil (with findings) when there is no key.
    func loadKey(at path: String, passphrase: String?, into findings: inout [Finding]) -> KeyFile? {
        guard let file = decodeFile(at: path, isKey: true, into: &findings) else {
            return nil
        }
        findings += contentFindings(file.inspection, at: path)

        switch file.inspection {
        case .der(.privateKey):
            findings.append(Finding(path: path, kind: .derEncoded(.privateKey)))
            return file.privateKeys.first.map { KeyFile(path: path, key: $0) }
        case .der(.encryptedPrivateKey):
            findings.append(Finding(path: path, kind: .derEncoded(.encryptedPrivateKey)))
        case .der(.certificate):
            findings.append(Finding(path: path, kind: .keyMissing(found: ["DER certificate"])))
        case .pem(let contents):
            return loadPEMKey(file, contents, at: path, passphrase: passphrase, into: &findings)
        case .empty, .unrecognized:
            break
        }
        return nil
    }

    private func loadPEMKey(
        _ file: DecodedFile,
        _ contents: PEMFileContents,
        at path: String,
        passphrase: String?,
        into findings: inout [Finding]
    ) -> KeyFile? {
        guard let block = contents.firstPrivateKey else {
            // A damaged block is already reported; it may well be the key.
            if !contents.blocks.contains(where: \.isDamaged) {
                let found = contents.blocks.map(\.label)
                findings.append(Finding(path: path, kind: .keyMissing(found: found)))
            }
            return nil
        }

        guard case .encryptedPrivateKey(let form) = block else {
            return decryptKey(file, at: path, passphrase: passphrase, into: &findings)
        }
        guard passphrase != nil else {
            findings.append(Finding(path: path, kind: .keyEncrypted(form)))
            return nil
        }
        // Once the passphrase works, "a passphrase is needed" and its fix would be stale.
        var decryption: [Finding] = []
        let key = decryptKey(file, at: path, passphrase: passphrase, into: &decryption)
        let note: FindingKind = key == nil ? .keyEncrypted(form) : .keyDecrypted(form)
        findings.append(Finding(path: path, kind: note))
        findings += decryption
        return key
    }

    private func decryptKey(
        _ file: DecodedFile,
        at path: String,
        passphrase: String?,
        into findings: inout [Finding]
    ) -> KeyFile? {
        do {
            let loaded = try PrivateKeyLoader.loadKey(
                from: file,
                path: path,
                passphrase: passphrase
            )
            return KeyFile(path: path, key: loaded.key)
        } catch .wrongPassphrase {
            findings.append(Finding(path: path, kind: .wrongPassphrase))
        } catch .undecodable(_, let reasons) {
            findings.append(Finding(path: path, kind: .keyUndecodable(reasons: reasons)))
        } catch {
            findings.append(Finding(path: path, kind: .inspectionFailed(reason: error.description)))
        }
        return nil
    }
}

extension PEMBlock {
    /// Whether the block is damaged: unreadable, or a known object that does not decode.
    var isDamaged: Bool {
        switch self {
        case .malformed, .undecodable:
            true
        default:
            false
        }
    }
}
