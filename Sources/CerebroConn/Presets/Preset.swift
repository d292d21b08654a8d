/// How strictly the server's certificate is checked when SSL is required.
public enum VerificationLevel: String, Sendable, CaseIterable, Codable {
    /// The chain must verify and the host name must match; libpq `sslmode=verify-full`.
    case full
    /// The chain must verify; the host name is not checked; libpq `sslmode=verify-ca`.
    case ca
    /// Encrypt only; nothing is verified; libpq `sslmode=require`.
    case none
}

/// A named connection profile.
///
/// It never holds a password.
public struct Preset: Sendable, Equatable {
    /// The default PostgreSQL port.
    public static let defaultPort = 5432
    /// The database every Cerebro installation names `memoria`.
    public static let defaultDatabase = "memoria"
    /// Seconds to wait for each address before giving up.
    public static let defaultTimeout = 10
    /// The range accepted for the connect timeout, in seconds.
    public static let timeoutRange = 1...3600

    /// The preset's name, which is also its file name in the store.
    public var name: String
    /// One host, or several separated by commas, tried in order.
    public var host: String
    /// The TCP port, shared by every host.
    public var port: Int
    /// The database name.
    public var database: String
    /// The role to log in as.
    public var user: String
    /// Whether the connection must use SSL (Cerebro's "this server requires a secure connection").
    public var sslRequired: Bool
    /// How the server certificate is checked when SSL is required.
    public var verification: VerificationLevel
    /// The folder holding this preset's certificate set, as the user gave it; `nil` to search.
    public var certificateFolder: String?
    /// Seconds to wait for each address.
    public var connectTimeout: Int
    /// Fields this version does not know, kept so that a rewrite does not drop them.
    public var unknownFields: [String: JSONValue]
    /// The names of the fields in its file that hold a secret (`password`, `sslpassword`, see
    /// ``Preset/secretFieldNames``), sorted; empty for a preset not read from a file.
    ///
    /// A preset never holds a password: such fields are never used, never kept, and a rewrite
    /// drops them. Only their names are here, so that the caller can warn; the values are gone.
    public var secretFields: [String] = []

    /// Creates a preset with the documented defaults for everything not given.
    public init(
        name: String,
        host: String,
        port: Int = Preset.defaultPort,
        database: String = Preset.defaultDatabase,
        user: String,
        sslRequired: Bool = false,
        verification: VerificationLevel = .full,
        certificateFolder: String? = nil,
        connectTimeout: Int = Preset.defaultTimeout,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.sslRequired = sslRequired
        self.verification = verification
        self.certificateFolder = certificateFolder
        self.connectTimeout = connectTimeout
        self.unknownFields = unknownFields
    }

    /// The field names, compared without case, that hold a secret when written into a preset
    /// file by hand: libpq's `password` and `sslpassword`, `PGPASSWORD`, and `passphrase`.
    public static let secretFieldNames: Set<String> = [
        "password", "sslpassword", "pgpassword", "passphrase",
    ]

    /// The hosts in the order libpq tries them.
    public var hosts: [String] {
        host.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    /// The hosts that are Unix-socket folders (`/…`), over which libpq never uses SSL: it
    /// ignores `sslmode` for them, so a preset that requires SSL cannot have one.
    public var socketFolders: [String] {
        hosts.filter { $0.hasPrefix("/") }
    }
}
