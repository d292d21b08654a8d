import CerebroConn

/// What `certs NAME` prints: the lookup trail, the set, each file decoded, and the findings.
enum CertificateListing {
    /// Writes the listing as text or JSON to standard output.
    static func write(
        _ name: String,
        _ trail: LookupTrail,
        details: CertificateSetDetails?,
        _ context: CommandContext,
        json: Bool
    ) {
        if json {
            context.terminal.writeOut(JSONOutput.render(CertsObject(name, trail, details)))
        } else {
            context.terminal.writeOut(text(trail, details).joined(separator: "\n") + "\n")
        }
    }

    /// The listing as lines of text.
    static func text(_ trail: LookupTrail, _ details: CertificateSetDetails?) -> [String] {
        var lines = ["lookup"] + PresetPresentation.trail(trail).map { "  " + $0 }
        guard case .success(let set) = trail.result else {
            return lines
        }
        lines += ["certificate set"] + PresetPresentation.aligned(PresetPresentation.set(set))
        guard let details else {
            return lines
        }

        for file in details.files {
            lines += section(file)
        }
        lines.append("findings")
        lines += details.findings.isEmpty ? ["  none"] : details.findings.map(findingLine)
        return lines
    }

    private static func section(_ file: CertificateFileDetails) -> [String] {
        var lines: [String] = []
        let count = file.certificates.count
        for (index, certificate) in file.certificates.enumerated() {
            let position = count > 1 ? ", certificate \(index + 1) of \(count)" : ""
            lines.append("\(file.slot.rawValue) \(file.path)\(position)")
            lines += PresetPresentation.aligned(rows(certificate))
        }
        if file.slot == .clientKey || count == 0 {
            lines.append("\(file.slot.rawValue) \(file.path)")
            lines += PresetPresentation.aligned(fileRows(file))
        }
        return lines
    }

    /// The decoded fields of one certificate.
    static func rows(_ certificate: CertificateSummary) -> [(String, String)] {
        [
            ("subject", certificate.subject),
            ("issuer", certificate.issuer),
            ("serial", certificate.serialNumber),
            ("valid", CertificatePresentation.window(certificate)),
            ("names", CertificatePresentation.alternativeNames(certificate)),
            ("key", certificate.publicKey.description),
            ("upload", certificate.uploadScope.description),
        ]
    }

    private static func fileRows(_ file: CertificateFileDetails) -> [(String, String)] {
        var rows: [(String, String)] = []
        if let key = file.key {
            let form = key.form.map { "\($0.displayName) PEM" } ?? "DER"
            rows.append(("key", "\(key.publicKey), \(form), not encrypted"))
        } else if file.isEncryptedKey {
            rows.append(("key", "encrypted; a passphrase is needed to read it"))
        } else {
            rows.append(("content", "not readable as \(file.slot.rawValue) (see findings)"))
        }
        if let mode = file.mode, let owner = file.ownerUserID {
            let ownerText = owner == 0 ? "root" : "uid \(owner)"
            rows.append(("mode", "\(ErrorMessages.octal(mode)), owner \(ownerText)"))
        }
        return rows
    }

    private static func findingLine(_ finding: Finding) -> String {
        let hint = finding.hint.map { "; \($0)" } ?? ""
        return "  \(finding.severity.rawValue): \(finding.description)\(hint)"
    }
}

/// The JSON object `certs NAME --json` prints.
struct CertsObject: Encodable {
    var name: String
    var lookup: [JSONOutput.StepObject]
    var certificateSet: JSONOutput.SetObject?
    var files: [FileObject]
    var findings: [CertificatePresentation.FindingObject]

    init(_ name: String, _ trail: LookupTrail, _ details: CertificateSetDetails?) {
        self.name = name
        lookup = trail.steps.map(PresetPresentation.stepObject)
        if case .success(let set) = trail.result {
            certificateSet = set.map(PresetPresentation.setObject)
        }
        files = details?.files.map(FileObject.init) ?? []
        findings = details?.findings.map(CertificatePresentation.FindingObject.init) ?? []
    }

    /// One file of the set.
    struct FileObject: Encodable {
        var slot: String
        var path: String
        var mode: String?
        var ownerUID: UInt32?
        var certificates: [CertificatePresentation.CertificateObject]
        var key: String?
        var keyEncrypted: Bool?

        init(_ file: CertificateFileDetails) {
            slot = file.slot.rawValue
            path = file.path
            mode = file.mode.map(ErrorMessages.octal)
            ownerUID = file.ownerUserID
            certificates = file.certificates.map { CertificatePresentation.CertificateObject($0) }
            key = file.key.map(\.publicKey.description)
            keyEncrypted = file.slot == .clientKey ? file.isEncryptedKey : nil
        }

        enum CodingKeys: String, CodingKey {
            case slot, path, mode, certificates, key
            case ownerUID = "owner_uid"
            case keyEncrypted = "key_encrypted"
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, lookup, files, findings
        case certificateSet = "certificate_set"
    }
}
