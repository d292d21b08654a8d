/// Where a folder on the lookup path comes from.
public enum FolderRole: String, Sendable, Equatable {
    /// The folder named by the preset (`--certdir`).
    case preset
    /// `$HOME/cerebro`.
    case user
    /// `$CEREBRO_HOME/etc`, by default `/opt/cerebro/etc`.
    case install
}

/// Which of Cerebro's two namings a client pair uses.
public enum ClientNaming: String, Sendable, Equatable {
    /// `client.crt` and `client.key`.
    case plain = "client"
    /// `client.pg.crt` and `client.pg.key`.
    case postgres = "client.pg"

    /// The certificate's file name.
    public var certificateFile: String { rawValue + ".crt" }
    /// The key's file name.
    public var keyFile: String { rawValue + ".key" }
}

/// The files one identity needs, all absolute paths in one folder.
public struct CertificateSet: Sendable, Equatable {
    /// The CA file name, the same in every set.
    public static let authorityFile = "ca.crt"
    /// Every file name that makes a folder count as holding certificates.
    public static let knownFiles = [
        "ca.crt", "client.crt", "client.key", "client.pg.crt", "client.pg.key",
    ]

    /// The folder the set was found in.
    public var folder: String
    /// Which lookup step found it.
    public var role: FolderRole
    /// The client pair's naming, or `nil` for a set with only `ca.crt`.
    public var naming: ClientNaming?

    /// The client certificate, if the set has a client identity.
    public var clientCertificate: String? {
        naming.map { "\(folder)/\($0.certificateFile)" }
    }

    /// The client key, if the set has a client identity.
    public var clientKey: String? {
        naming.map { "\(folder)/\($0.keyFile)" }
    }

    /// `ca.crt`, if the folder holds one.
    public var authority: String?

    /// A set found in `folder`.
    public init(folder: String, role: FolderRole, naming: ClientNaming?, authority: String?) {
        self.folder = folder
        self.role = role
        self.naming = naming
        self.authority = authority
    }
}
