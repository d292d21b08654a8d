#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why looking up a preset's certificate set failed.
public enum CertificateLookupError: Error, Equatable, Sendable {
    /// The preset's folder does not exist.
    case folderMissing(folder: String)
    /// The folder exists but is not a folder.
    case notAFolder(folder: String)
    /// The folder cannot be listed.
    case folderUnreadable(folder: String, reason: String)
    /// The preset's folder holds none of the certificate files.
    case noSetInFolder(folder: String)
    /// The folder holds two certificates or two keys, one of each naming; `files` lists them.
    case twoSets(folder: String, files: [String])
    /// The certificate of one naming and the key of the other (`client.pg.crt` with
    /// `client.key`): neither pair is whole, and they are not two sets either.
    case mixedNamings(folder: String, files: [String])
    /// A client certificate without its key or a key without its certificate.
    case incompleteSet(folder: String, present: String, missing: String)
    /// A `~user` path names an account that does not exist.
    case unknownHome(path: String)
}

/// What one folder on the lookup path held and what the lookup made of it.
public struct LookupStep: Sendable, Equatable {
    /// What the lookup decided about a folder.
    public enum Verdict: Sendable, Equatable {
        /// This folder's set is the one used.
        case used
        /// The folder does not exist.
        case absent
        /// Something that is not a folder (a file, say) stands at the folder's path.
        case notAFolder
        /// The folder exists and holds no certificate file.
        case empty
        /// An earlier folder was used, so this one was not read.
        case notConsulted
        /// This folder stopped the lookup with an error.
        case failed(CertificateLookupError)
    }

    /// The folder, absolute.
    public var folder: String
    /// Which rule put it on the path.
    public var role: FolderRole
    /// The certificate files found there, by name, sorted.
    public var files: [String]
    /// The decision.
    public var verdict: Verdict
}

/// The full account of one lookup: every folder in order, and the result.
public struct LookupTrail: Sendable, Equatable {
    /// The folders in the order they were considered.
    public var steps: [LookupStep]
    /// The set found (`nil` when no folder holds certificates), or the error that stopped it.
    public var result: Result<CertificateSet?, CertificateLookupError>

    /// The set, or the error that stopped the lookup.
    public func certificateSet() throws(CertificateLookupError) -> CertificateSet? {
        try result.get()
    }
}

/// Finds a preset's certificate set in Cerebro's order: the preset's folder only if it has
/// one; otherwise the user folder, then the install folder, the first holding any file wins.
public struct CertificateLookup: Sendable {
    /// The environment giving `HOME` and `CEREBRO_HOME`.
    public var environment: Environment

    /// A lookup using `environment`.
    public init(environment: Environment) {
        self.environment = environment
    }

    /// `$HOME/cerebro`.
    public var userFolder: String {
        PathExpansion.standardize(environment.home + "/cerebro")
    }

    /// `$CEREBRO_HOME/etc`, by default `/opt/cerebro/etc`; absolute, like every lookup path.
    public var installFolder: String {
        let install = environment["CEREBRO_HOME"] ?? "/opt/cerebro"
        return PathExpansion.absolute(install + "/etc", environment: environment) ?? install
    }

    /// Resolves the set for `preset`, recording every folder considered.
    public func resolve(_ preset: Preset) -> LookupTrail {
        if let folder = preset.certificateFolder {
            return resolvePresetFolder(folder)
        }
        return resolveSearchPath([(userFolder, .user), (installFolder, .install)])
    }

    // MARK: - Rules

    private func resolvePresetFolder(_ folder: String) -> LookupTrail {
        guard let path = PathExpansion.absolute(folder, environment: environment, base: "/") else {
            let error = CertificateLookupError.unknownHome(path: folder)
            let step = LookupStep(folder: folder, role: .preset, files: [], verdict: .failed(error))
            return LookupTrail(steps: [step], result: .failure(error))
        }
        let listing = list(path)
        let outcome: Result<CertificateSet?, CertificateLookupError>
        switch listing {
        case .failure(let error):
            outcome = .failure(error)
        case .success(let files) where files.isEmpty:
            outcome = .failure(.noSetInFolder(folder: path))
        case .success(let files):
            outcome = assemble(files, in: path, role: .preset).map { $0 }
        }
        let step = LookupStep(
            folder: path,
            role: .preset,
            files: (try? listing.get()) ?? [],
            verdict: verdict(for: outcome)
        )
        return LookupTrail(steps: [step], result: outcome)
    }

    private func resolveSearchPath(_ folders: [(String, FolderRole)]) -> LookupTrail {
        var steps: [LookupStep] = []
        var outcome: Result<CertificateSet?, CertificateLookupError>?

        for (folder, role) in folders {
            if outcome != nil {
                steps.append(
                    LookupStep(folder: folder, role: role, files: [], verdict: .notConsulted)
                )
                continue
            }
            switch list(folder) {
            case .failure(.folderMissing):
                steps.append(LookupStep(folder: folder, role: role, files: [], verdict: .absent))
            case .failure(.notAFolder):
                steps.append(
                    LookupStep(folder: folder, role: role, files: [], verdict: .notAFolder)
                )
            case .success(let files) where files.isEmpty:
                steps.append(LookupStep(folder: folder, role: role, files: [], verdict: .empty))
            case .failure(let error):
                outcome = .failure(error)
                steps.append(
                    LookupStep(folder: folder, role: role, files: [], verdict: .failed(error))
                )
            case .success(let files):
                let found = assemble(files, in: folder, role: role).map { Optional($0) }
                outcome = found
                steps.append(
                    LookupStep(
                        folder: folder,
                        role: role,
                        files: files,
                        verdict: verdict(for: found)
                    )
                )
            }
        }
        return LookupTrail(steps: steps, result: outcome ?? .success(nil))
    }

    /// Applies the one-set-per-folder rule to the certificate files present in a folder.
    func assemble(
        _ files: [String],
        in folder: String,
        role: FolderRole
    ) -> Result<CertificateSet, CertificateLookupError> {
        let present = Set(files)
        let namings = [ClientNaming.plain, .postgres].filter {
            present.contains($0.certificateFile) || present.contains($0.keyFile)
        }
        if namings.count > 1 {
            let clientFiles = files.filter { $0 != CertificateSet.authorityFile }
            let certificates = namings.filter { present.contains($0.certificateFile) }
            let keys = namings.filter { present.contains($0.keyFile) }
            guard certificates.count > 1 || keys.count > 1 else {
                return .failure(.mixedNamings(folder: folder, files: clientFiles))
            }
            return .failure(.twoSets(folder: folder, files: clientFiles))
        }
        if let naming = namings.first {
            let (cert, key) = (naming.certificateFile, naming.keyFile)
            if !present.contains(key) {
                return .failure(.incompleteSet(folder: folder, present: cert, missing: key))
            }
            if !present.contains(cert) {
                return .failure(.incompleteSet(folder: folder, present: key, missing: cert))
            }
        }
        let authority =
            present.contains(CertificateSet.authorityFile)
            ? "\(folder)/\(CertificateSet.authorityFile)" : nil
        return .success(
            CertificateSet(folder: folder, role: role, naming: namings.first, authority: authority)
        )
    }

    /// The known certificate files in a folder, sorted; other files are ignored.
    ///
    /// A folder that does not exist, even through a file in its path (`HOME=/dev/null`), is
    /// missing; any other failure is the system's own reason, since only the user can tell a
    /// loop of links from a folder they may not enter.
    private func list(_ folder: String) -> Result<[String], CertificateLookupError> {
        switch FileStatus.read(path: folder) {
        case .failure(let error) where error.isNotFound:
            return .failure(.folderMissing(folder: folder))
        case .failure(let error):
            return .failure(.folderUnreadable(folder: folder, reason: error.reason))
        case .success(let status) where status.kind != .directory:
            return .failure(.notAFolder(folder: folder))
        case .success:
            break
        }

        do {
            let entries = try FileManager.default.contentsOfDirectory(atPath: folder)
            return .success(CertificateSet.knownFiles.filter(entries.contains))
        } catch {
            let reason = SystemError(error)?.reason ?? "\(error)"
            return .failure(.folderUnreadable(folder: folder, reason: reason))
        }
    }

    private func verdict(for outcome: Result<CertificateSet?, CertificateLookupError>)
        -> LookupStep.Verdict
    {
        switch outcome {
        case .success: .used
        case .failure(let error): .failed(error)
        }
    }
}
