/// Why a check stopped before libpq was called.
public enum CheckProblem: Error, Sendable, Equatable {
    /// The preset could not be read.
    case preset(PresetError)
    /// The certificate lookup failed.
    case lookup(CertificateLookupError)
    /// The preset and its set cannot make a plan.
    case plan(PlanError)
    /// The certificate set has problems libpq or the server would refuse; only the errors.
    case certificates([Finding])
    /// The client key is encrypted and no passphrase could be had.
    case passphrase(PassphraseProblem)
}

/// The whole account of checking one preset: what was found, planned and what happened.
public struct CheckResult: Sendable {
    /// How the check ended.
    public enum Outcome: Sendable {
        /// The server accepted the connection and answered `SELECT 1`.
        case accepted(ConnectionReport)
        /// The connection failed; the failure says whether the server answered.
        case failed(ConnectionFailure)
        /// No connection was attempted.
        case notAttempted(CheckProblem)
        /// Read, looked up and planned, and not connected yet: what `prepare` ends with.
        case prepared
    }

    /// The name asked for.
    public var name: String
    /// The preset, if it could be read.
    public var preset: Preset?
    /// The lookup trail, if the lookup ran.
    public var trail: LookupTrail?
    /// The plan, if one was made.
    public var plan: ConnectionPlan?
    /// How it ended.
    public var outcome: Outcome
    /// What checking the set's files found before connecting: errors, warnings and notes.
    public var findings: [Finding] = []
    /// The set's client certificate (the first in its file), decoded, when it could be read.
    public var clientCertificate: CertificateSummary?
    /// The server's certificate, read by a second short connection after a failure that it
    /// explains (a host name it does not carry, a CA that did not sign it).
    public var peekedServerCertificate: CertificateSummary?
    /// Why the peeked server chain does not verify against the plan's CA file now; nil when
    /// it verifies or was not peeked.
    public var serverChainProblem: ServerChainProblem?
    /// Where libpq takes a password from in the lookup's environment, for explaining a
    /// password that was missing or refused.
    public var passwordSource = PasswordSource.defaultPasswordFile
}

/// Checks presets end to end: read, look up certificates, plan, connect.
public struct PresetCheck: Sendable {
    /// Where presets are read from.
    public var store: PresetStore
    /// The certificate lookup.
    public var lookup: CertificateLookup
    /// Seconds to wait for each address instead of each preset's own time-out, when set.
    public var timeoutOverride: Int?

    /// A checker over `store` with `lookup`.
    public init(store: PresetStore, lookup: CertificateLookup, timeoutOverride: Int? = nil) {
        self.store = store
        self.lookup = lookup
        self.timeoutOverride = timeoutOverride
    }

    /// Reads, resolves and plans without connecting.
    public func prepare(_ name: String) -> CheckResult {
        var result = CheckResult(name: name, outcome: .prepared)
        do {
            var preset = try store.load(named: name)
            preset.connectTimeout = timeoutOverride ?? preset.connectTimeout
            result.preset = preset
            let trail = lookup.resolve(preset)
            result.trail = trail
            let set = try trail.certificateSet()
            result.plan = try ConnectionPlan(
                preset: preset,
                certificateSet: set,
                supportedKeywords: ConnectionProbe.supportedKeywords
            )
        } catch let error as PresetError {
            result.outcome = .notAttempted(.preset(error))
        } catch let error as CertificateLookupError {
            result.outcome = .notAttempted(.lookup(error))
        } catch let error as PlanError {
            result.outcome = .notAttempted(.plan(error))
        } catch {
            preconditionFailure("unexpected error type \(error)")
        }
        return result
    }

    /// Prepares, checks the set's files, then connects if nothing stands in the way.
    ///
    /// An error in the files, or an encrypted key without a passphrase, ends the check as
    /// `.notAttempted` and libpq is never called. After a failure that the server's
    /// certificate explains, that certificate is read with a short second connection.
    public func run(_ name: String) -> CheckResult {
        var result = prepare(name)
        guard let plan = result.plan else {
            return result
        }

        let passphrase: String?
        switch checkFiles(of: plan, into: &result) {
        case .success(let answer): passphrase = answer
        case .failure(let problem):
            result.outcome = .notAttempted(problem)
            return result
        }

        switch ConnectionProbe.run(plan, passphrase: passphrase) {
        case .success(let report):
            result.outcome = .accepted(report)
        case .failure(let failure):
            result.outcome = .failed(failure)
            result.passwordSource = PasswordSource(environment: lookup.environment)
            let peek = peekIfUseful(after: failure, plan: plan)
            result.peekedServerCertificate = peek?.certificate
            result.serverChainProblem = peek?.chainProblem
        }
        return result
    }

    /// Checks the set's files before connecting; the current time and user are read here.
    public var inspector = CertificateSetInspector()

    /// Where passphrases for encrypted keys come from; by default there are none.
    public var passphrases = KeyPassphrases.none
}
