/// Why a preset cannot be turned into a connection plan.
public enum PlanError: Error, Equatable, Sendable {
    /// SSL with verification needs `ca.crt`, and the set has none.
    case missingAuthority(level: VerificationLevel, folder: String?)
    /// SSL is required and a host is a Unix-socket folder, where libpq ignores `sslmode` and
    /// would connect unencrypted, verifying nothing.
    case sslOverSocket(preset: String, folder: String)
}

/// One libpq keyword and its value.
public struct ConnectionParameter: Sendable, Equatable {
    /// The libpq keyword.
    public var keyword: String
    /// The value, passed as it is: never parsed as conninfo.
    public var value: String
}

/// The libpq parameters derived from a preset and its certificate set.
///
/// Every SSL file keyword is given explicitly, with paths that cannot exist where the set
/// lacks a part, so that `~/.postgresql/*` files never change the outcome. Every other keyword
/// that libpq would take from a `PG*` variable and that has a value meaning "libpq's default"
/// is pinned to that value. The variables whose default is "unset" (`PGHOSTADDR`,
/// `PGSERVICE`, `PGOPTIONS`, ...) cannot be pinned, because libpq ignores empty values:
/// `Environment.removeIgnoredLibpqVariables()` takes those out of the process.
public struct ConnectionPlan: Sendable, Equatable {
    /// A path under `/dev/null`, which is not a folder, so nothing can exist there.
    public static let absentFolder = "/dev/null/cerebro-conn-none"

    /// The preset the plan was made from.
    public var preset: Preset
    /// The certificate set used, if any.
    public var certificateSet: CertificateSet?
    /// The SSL mode chosen from the preset.
    public var sslMode: SSLMode
    /// The keyword/value pairs, in the order they are passed to libpq.
    public var parameters: [ConnectionParameter]

    /// Whether libpq is given a client certificate to present.
    public var presentsClientCertificate: Bool {
        certificateSet?.naming != nil
    }

    /// The CA file the server's certificate is verified against, if any.
    public var verifiedAgainst: String? {
        sslMode.verifiesChain ? certificateSet?.authority : nil
    }

    /// Whether libpq checks the host name against the server's certificate.
    public var checksHostName: Bool {
        sslMode == .verifyFull
    }

    /// The value of one keyword in the plan.
    public func value(of keyword: String) -> String? {
        parameters.last { $0.keyword == keyword }?.value
    }

    /// Derives the plan.
    ///
    /// - Parameters:
    ///   - preset: the preset to connect with.
    ///   - certificateSet: its resolved set, or `nil` when no folder holds one.
    ///   - supportedKeywords: what this libpq lists in `PQconndefaults`; newer keywords are
    ///     added only when listed.
    public init(
        preset: Preset,
        certificateSet: CertificateSet?,
        supportedKeywords: Set<String> = []
    ) throws(PlanError) {
        let mode = SSLMode(sslRequired: preset.sslRequired, level: preset.verification)
        if preset.sslRequired, let folder = preset.socketFolders.first {
            throw .sslOverSocket(preset: preset.name, folder: folder)
        }
        if mode.verifiesChain, certificateSet?.authority == nil {
            throw .missingAuthority(level: preset.verification, folder: certificateSet?.folder)
        }
        self.preset = preset
        self.certificateSet = certificateSet
        self.sslMode = mode
        self.parameters = Self.parameters(preset, certificateSet, mode, supportedKeywords)
    }

    private static func parameters(
        _ preset: Preset,
        _ set: CertificateSet?,
        _ mode: SSLMode,
        _ supported: Set<String>
    ) -> [ConnectionParameter] {
        let absent = absentFolder
        // Only the verifying modes get the CA: under `prefer` and `require` libpq would verify
        // silently if it had one, and fall back to plain text on failure under `prefer`.
        let rootCertificate = mode.verifiesChain ? set?.authority : nil
        var pairs: [(String, String)] = [
            ("host", preset.host),
            ("port", String(preset.port)),
            ("dbname", preset.database),
            ("user", preset.user),
            ("connect_timeout", String(preset.connectTimeout)),
            ("sslmode", mode.rawValue),
            ("sslcert", set?.clientCertificate ?? "\(absent)/client.crt"),
            ("sslkey", set?.clientKey ?? "\(absent)/client.key"),
            ("sslrootcert", rootCertificate ?? "\(absent)/ca.crt"),
            ("sslcrl", "\(absent)/root.crl"),
            ("sslcrldir", "\(absent)/crl"),
            ("sslsni", "1"),
            ("ssl_min_protocol_version", "TLSv1.2"),
            ("ssl_max_protocol_version", "TLSv1.3"),
            ("sslcompression", "0"),
            // GSSAPI encryption, when available, would be chosen over SSL whatever sslmode says.
            ("gssencmode", "disable"),
            // libpq's defaults, given so that PGCHANNELBINDING=require or
            // PGTARGETSESSIONATTRS=read-only cannot fail a connection the preset allows.
            ("channel_binding", "prefer"),
            ("target_session_attrs", "any"),
        ]
        // Only listed when libpq is built with GSSAPI; PGKRBSRVNAME would change the service
        // principal a server's gss line asks for.
        if supported.contains("krbsrvname") {
            pairs.append(("krbsrvname", "postgres"))
        }
        // Newer keywords have environment variables too (PGSSLCERTMODE, PGSSLNEGOTIATION,
        // PGLOADBALANCEHOSTS), so they are pinned whenever this libpq knows them.
        if supported.contains("load_balance_hosts") {
            pairs.append(("load_balance_hosts", "disable"))
        }
        if supported.contains("sslcertmode") {
            pairs.append(("sslcertmode", set?.naming == nil ? "disable" : "allow"))
        }
        if supported.contains("sslnegotiation") {
            pairs.append(("sslnegotiation", "postgres"))
        }
        return pairs.map { ConnectionParameter(keyword: $0.0, value: $0.1) }
    }
}
