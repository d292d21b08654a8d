import CerebroConn

/// The options `add` and `edit` share, and how they change a preset.
enum PresetOptions {
    /// The options that set a preset's fields.
    static let fields: [OptionSpec] = [
        .value(
            "host",
            .text,
            placeholder: "H[:P]",
            help: "server host name or address, "
                + "several separated by commas; ':P' sets the port too"
        ),
        .value("port", .number, placeholder: "N", help: "server port (default 5432)"),
        .value("db", .text, placeholder: "D", help: "database name (default memoria)"),
        .value("user", .text, placeholder: "U", help: "role to log in as (default $USER)"),
        .flag("ssl", help: "require SSL (Cerebro's \"this server requires a secure connection\")"),
        .value(
            "verify",
            .choice(VerificationLevel.allCases.map(\.rawValue)),
            placeholder: "LEVEL",
            help: "how the server certificate is checked under --ssl: full (chain and host "
                + "name, the default), ca (chain only) or none (encrypt only)"
        ),
        .value(
            "certdir",
            .directory,
            placeholder: "DIR",
            help: "folder holding this preset's "
                + "certificate set; without it $HOME/cerebro, then $CEREBRO_HOME/etc are searched"
        ),
        .value(
            "timeout",
            .number,
            placeholder: "S",
            help: "seconds to wait for each address "
                + "(default 10)"
        ),
    ]

    /// The options only `edit` has, to clear a field.
    static let clearing: [OptionSpec] = [
        .flag("no-ssl", help: "do not require SSL"),
        .flag("no-certdir", help: "forget the certificate folder and search the default ones"),
    ]

    /// The change the given options make, checked in full before any preset is read, so that
    /// a usage error never waits for, or holds, the store's lock.
    static func change(
        _ invocation: Invocation,
        environment: Environment
    ) throws(UsageError) -> PresetChange {
        let command = invocation.command.name
        var change = PresetChange()
        if let host = invocation.value("host") {
            let (name, port) = try HostSpec.split(host, command: command)
            change.host = name
            change.port = port
        }
        if let port = try invocation.number("port") {
            if let host = invocation.value("host"), let given = change.port, given != port {
                throw UsageError(
                    command: command,
                    message: "'--host \(host)' and '--port \(port)' disagree"
                )
            }
            change.port = port
        }
        change.database = invocation.value("db")
        change.user = invocation.value("user")
        change.connectTimeout = try invocation.number("timeout")
        try addFlags(invocation, to: &change, environment: environment)
        return change
    }

    /// libpq ignores `sslmode` on a Unix socket, so `--ssl` there would promise an encrypted,
    /// verified connection and get a plain one.
    static func refuseSSLOverSocket(_ preset: Preset, _ invocation: Invocation)
        throws(UsageError)
    {
        guard preset.sslRequired, let folder = preset.socketFolders.first else {
            return
        }
        let command = invocation.command.name
        let what =
            invocation.has("ssl")
            ? "'--ssl' cannot be used with the socket folder '\(folder)'"
            : "preset '\(preset.name)' requires SSL, and its host '\(folder)' is a socket folder"
        let drop = command == "edit" ? "add '--no-ssl'" : "leave out '--ssl'"
        throw UsageError(
            command: command,
            message: "\(what): libpq never uses SSL over a Unix socket; give a host name or "
                + "address to use SSL, or \(drop)"
        )
    }

    private static func addFlags(
        _ invocation: Invocation,
        to change: inout PresetChange,
        environment: Environment
    ) throws(UsageError) {
        let command = invocation.command.name
        try exclusive(invocation, "ssl", "no-ssl")
        try exclusive(invocation, "certdir", "no-certdir")
        if invocation.has("ssl") {
            change.sslRequired = true
        }
        if invocation.has("no-ssl") {
            change.sslRequired = false
        }
        change.verification = invocation.value("verify").flatMap(VerificationLevel.init(rawValue:))
        if invocation.has("no-certdir") {
            change.certificateFolder = .clear
        }
        if let folder = invocation.value("certdir") {
            guard let path = PathExpansion.absolute(folder, environment: environment) else {
                throw UsageError(
                    command: command,
                    message: "'--certdir \(folder)': no such user account for '~'"
                )
            }
            // A folder under `~` or `$HOME` is kept as typed and expanded each time the preset
            // is used, so it follows the home folder of whoever runs it; any other path is
            // made absolute now, since the current folder will differ later.
            change.certificateFolder = .set(PathExpansion.followsHome(folder) ? folder : path)
        }
    }

    /// Warns about options that the saved preset leaves without effect: a level given while
    /// SSL is not required is stored, but nothing is verified until `--ssl` is set.
    static func warnAboutIneffectiveOptions(
        _ invocation: Invocation,
        _ preset: Preset,
        _ context: CommandContext
    ) {
        if let level = invocation.value("verify"), !preset.sslRequired {
            context.diagnostics.warning(
                Message(
                    "'--verify \(level)' has no effect while SSL is not required: nothing is "
                        + "verified",
                    hint: "add '--ssl' to require SSL and verify at that level"
                )
            )
        }
    }

    private static func exclusive(_ invocation: Invocation, _ first: String, _ second: String)
        throws(UsageError)
    {
        if invocation.has(first), invocation.has(second) {
            throw UsageError(
                command: invocation.command.name,
                message: "'--\(first)' and '--\(second)' cannot be used together"
            )
        }
    }
}

/// The fields that `add` and `edit` options set; `nil` leaves a field as it is.
struct PresetChange: Sendable {
    /// What to do with the certificate folder.
    enum FolderChange: Sendable {
        /// Use this folder.
        case set(String)
        /// Forget the folder and search the default ones.
        case clear
    }

    var host: String?
    var port: Int?
    var database: String?
    var user: String?
    var connectTimeout: Int?
    var sslRequired: Bool?
    var verification: VerificationLevel?
    var certificateFolder: FolderChange?

    /// Checks every value the change sets against the preset rules, before any preset is read,
    /// so that `edit nosuch --port 70000` is a usage error about the port, as `add` would say.
    func validate() throws(PresetError) {
        // Every field of the stand-in is valid, so only the values given can break a rule.
        var probe = Preset(name: "probe", host: "localhost", user: "probe")
        apply(to: &probe)
        try PresetValidation.validate(probe)
    }

    /// Sets the fields this change names and leaves the others.
    func apply(to preset: inout Preset) {
        preset.host = host ?? preset.host
        preset.port = port ?? preset.port
        preset.database = database ?? preset.database
        preset.user = user ?? preset.user
        preset.connectTimeout = connectTimeout ?? preset.connectTimeout
        preset.sslRequired = sslRequired ?? preset.sslRequired
        preset.verification = verification ?? preset.verification
        switch certificateFolder {
        case .set(let folder): preset.certificateFolder = folder
        case .clear: preset.certificateFolder = nil
        case nil: break
        }
    }
}

/// Splits `--host` values of the form `H`, `H:P`, `[v6]:P` or a bare IPv6 address.
enum HostSpec {
    /// The host part and the port, if one was written.
    static func split(
        _ text: String,
        command: String
    ) throws(UsageError) -> (host: String, port: Int?) {
        if text.contains(","), text.contains(":"), !text.contains("::") {
            throw UsageError(
                command: command,
                message: "'--host \(text)': with several hosts, give one --port for all of them"
            )
        }
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard !rest.isEmpty else {
                return (host, nil)
            }
            return (host, try port(rest.dropFirst(), whole: text, command: command))
        }
        // Two or more colons without brackets is an IPv6 address, not host:port.
        guard text.filter({ $0 == ":" }).count == 1, let colon = text.lastIndex(of: ":") else {
            return (text, nil)
        }
        let port = try port(text[text.index(after: colon)...], whole: text, command: command)
        return (String(text[..<colon]), port)
    }

    private static func port(_ text: Substring, whole: String, command: String) throws(UsageError)
        -> Int
    {
        guard let number = Int(text), (1...65535).contains(number) else {
            throw UsageError(
                command: command,
                message: "'--host \(whole)': the port after ':' must be a number from 1 to 65535"
            )
        }
        return number
    }
}
