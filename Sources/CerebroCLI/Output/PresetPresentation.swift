import CerebroConn

/// Words for presets, lookup trails and plans, shared by `show`, `certs` and `test`.
enum PresetPresentation {
    /// The preset's fields as aligned `label value` lines.
    static func fields(_ preset: Preset) -> [(String, String)] {
        [
            ("name", preset.name),
            ("host", preset.host),
            ("port", String(preset.port)),
            ("database", preset.database),
            ("user", preset.user),
            ("ssl", preset.sslRequired ? "required" : "not required"),
            ("verify", preset.verification.rawValue),
            ("certdir", preset.certificateFolder ?? "(none: search \(searchPathHint))"),
            ("timeout", "\(preset.connectTimeout) s"),
        ]
    }

    static let searchPathHint = "$HOME/cerebro, then $CEREBRO_HOME/etc"

    /// One line per folder of the trail.
    static func trail(_ trail: LookupTrail) -> [String] {
        trail.steps.map { step in
            let files = step.files.isEmpty ? "" : " [\(step.files.joined(separator: ", "))]"
            return "\(step.role.rawValue) folder \(step.folder): \(verdict(step.verdict))\(files)"
        }
    }

    /// What the lookup decided about one folder, in words.
    static func verdict(_ verdict: LookupStep.Verdict) -> String {
        switch verdict {
        case .used: "used"
        case .absent: "skipped, does not exist"
        case .notAFolder: "skipped, not a folder"
        case .empty: "skipped, holds no certificate file"
        case .notConsulted: "not consulted, an earlier folder decided the lookup"
        case .failed(let error): "error: \(ErrorMessages.message(for: error).text)"
        }
    }

    /// The set's files in words.
    static func set(_ set: CertificateSet?) -> [(String, String)] {
        guard let set else {
            return [("set", "no client certificate set found; no certificate will be sent")]
        }
        return [
            ("folder", "\(set.folder) (\(set.role.rawValue) folder)"),
            ("client cert", set.clientCertificate ?? "(none: no certificate will be sent)"),
            ("client key", set.clientKey ?? "(none)"),
            ("ca", set.authority ?? "(none)"),
        ]
    }

    /// What the plan will verify, in one sentence.
    static func verification(_ plan: ConnectionPlan) -> String {
        switch plan.sslMode {
        case .verifyFull:
            "server certificate will be verified against \(plan.verifiedAgainst ?? "?") "
                + "and its names checked against host '\(plan.preset.host)'"
        case .verifyCA:
            "server certificate will be verified against \(plan.verifiedAgainst ?? "?"); "
                + "the host name is not checked"
        case .require:
            "encrypted, but the server certificate will not be verified (level none)"
        case .prefer:
            "SSL not required: SSL is tried first and plain text accepted; nothing is verified"
        }
    }

    /// `label value` rows aligned on the longest label.
    static func aligned(_ rows: [(String, String)], indent: String = "  ") -> [String] {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { label, value in
            indent + label + String(repeating: " ", count: width - label.count + 2) + value
        }
    }

    /// The JSON object of a trail step.
    static func stepObject(_ step: LookupStep) -> JSONOutput.StepObject {
        var error: String?
        var verdict: String
        switch step.verdict {
        case .used: verdict = "used"
        case .absent: verdict = "absent"
        case .notAFolder: verdict = "not_a_folder"
        case .empty: verdict = "empty"
        case .notConsulted: verdict = "not_consulted"
        case .failed(let failure):
            verdict = "error"
            error = ErrorMessages.message(for: failure).text
        }
        return JSONOutput.StepObject(
            folder: step.folder,
            role: step.role.rawValue,
            files: step.files,
            verdict: verdict,
            error: error
        )
    }

    /// The JSON object of a set.
    static func setObject(_ set: CertificateSet) -> JSONOutput.SetObject {
        JSONOutput.SetObject(
            folder: set.folder,
            role: set.role.rawValue,
            clientCertificate: set.clientCertificate,
            clientKey: set.clientKey,
            ca: set.authority
        )
    }
}
