// The steps of a check around the connection: the set's files before, the server's
// certificate after a failure.

extension PresetCheck {
    /// Checks the plan's files, gets the key's passphrase if it is encrypted, and records the
    /// findings; returns the passphrase to use, or why libpq must not be called.
    ///
    /// `ca.crt` is checked only when the plan hands it to libpq (`verify-ca`, `verify-full`).
    func checkFiles(
        of plan: ConnectionPlan,
        into result: inout CheckResult
    ) -> Result<String?, CheckProblem> {
        guard let set = plan.certificateSet else {
            return .success(nil)
        }
        // The client certificate comes from the inspection, which decodes the file anyway.
        let inspection = inspect(set, plan: plan, passphrase: nil)
        result.clientCertificate = inspection.clientLeaf
        result.findings = inspection.findings
        if let problem = Self.stoppingProblem(result.findings) {
            return .failure(problem)
        }
        guard let key = set.clientKey, result.findings.contains(where: \.isEncryptedKey) else {
            return .success(nil)
        }

        switch passphrases.passphrase(forKeyAt: key) {
        case .failure(let problem):
            return .failure(.passphrase(problem))
        case .success(let passphrase):
            // Decrypting checks the passphrase and lets the pair check run on the real key.
            result.findings = inspect(set, plan: plan, passphrase: passphrase).findings
            return Self.stoppingProblem(result.findings).map { .failure($0) }
                ?? .success(passphrase)
        }
    }

    /// The server's certificate and what verifying its chain finds, when the failure is one
    /// that the certificate explains.
    func peekIfUseful(
        after failure: ConnectionFailure,
        plan: ConnectionPlan
    ) -> ServerCertificatePeek? {
        let host: String?
        switch FailureCause.recognise(failure) {
        case .hostNameMismatch(_, _, let mismatched): host = mismatched
        case .serverCertificateUntrusted: host = failure.host
        default: host = nil
        }
        return host.flatMap { ConnectionProbe.peekServerCertificate(plan, host: $0) }
    }

    private func inspect(
        _ set: CertificateSet,
        plan: ConnectionPlan,
        passphrase: String?
    ) -> SetInspection {
        inspector.inspection(
            clientCertificate: set.clientCertificate,
            clientKey: set.clientKey,
            certificateAuthority: plan.verifiedAgainst,
            keyPassphrase: passphrase
        )
    }

    private static func stoppingProblem(_ findings: [Finding]) -> CheckProblem? {
        let errors = findings.filter { $0.severity == .error }
        return errors.isEmpty ? nil : .certificates(errors)
    }
}

extension Finding {
    /// Whether the finding says that the key is encrypted and needs a passphrase.
    var isEncryptedKey: Bool {
        if case .keyEncrypted = kind {
            return true
        }
        return false
    }
}

extension PresetCheck {
    /// Asks for the passphrase of every encrypted key the named presets use, in order, before
    /// any connection starts; later checks reuse the answers.
    ///
    /// A run over many presets prompts from worker threads otherwise, where a prompt can land
    /// between progress redraws; asking first keeps the terminal to one thing at a time.
    public func collectPassphrases(for names: [String]) {
        for name in names {
            guard let key = prepare(name).plan?.certificateSet?.clientKey,
                case .pem(let contents) = try? FileInspection(contentsOfFile: key),
                case .encryptedPrivateKey = contents.firstPrivateKey
            else {
                continue
            }
            _ = passphrases.passphrase(forKeyAt: key)
        }
    }
}
