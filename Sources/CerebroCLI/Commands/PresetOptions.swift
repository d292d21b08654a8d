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

    /// Applies the given options to `preset`.
    static func apply(
        _ invocation: Invocation,
        to preset: inout Preset,
        environment: Environment
    ) throws(UsageError) {
        let command = invocation.command.name
        if let host = invocation.value("host") {
            let (name, port) = try HostSpec.split(host, command: command)
            preset.host = name
            if let port {
                preset.port = port
            }
        }
        if let port = try invocation.number("port") {
            if let host = invocation.value("host"),
                let given = try HostSpec.split(host, command: command).port,
                given != port
            {
                throw UsageError(
                    command: command,
                    message: "'--host \(host)' and '--port \(port)' disagree"
                )
            }
            preset.port = port
        }
        preset.database = invocation.value("db") ?? preset.database
        preset.user = invocation.value("user") ?? preset.user
        preset.connectTimeout = try invocation.number("timeout") ?? preset.connectTimeout
        try applyFlags(invocation, to: &preset, environment: environment)
        try refuseSSLOverSocket(preset, invocation)
    }

    /// libpq ignores `sslmode` on a Unix socket, so `--ssl` there would promise an encrypted,
    /// verified connection and get a plain one.
    private static func refuseSSLOverSocket(_ preset: Preset, _ invocation: Invocation)
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

    private static func applyFlags(
        _ invocation: Invocation,
        to preset: inout Preset,
        environment: Environment
    ) throws(UsageError) {
        let command = invocation.command.name
        try exclusive(invocation, "ssl", "no-ssl")
        try exclusive(invocation, "certdir", "no-certdir")
        if invocation.has("ssl") {
            preset.sslRequired = true
        }
        if invocation.has("no-ssl") {
            preset.sslRequired = false
        }
        if let level = invocation.value("verify").flatMap(VerificationLevel.init(rawValue:)) {
            preset.verification = level
        }
        if invocation.has("no-certdir") {
            preset.certificateFolder = nil
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
            let followsHome = folder.hasPrefix("~") || folder.hasPrefix("$HOME")
            preset.certificateFolder = followsHome ? folder : path
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
