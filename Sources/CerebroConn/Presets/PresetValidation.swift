#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The rules every preset field must follow before it is stored.
public enum PresetValidation {
    /// The longest preset name, in characters.
    public static let maximumNameLength = 64

    /// The longest name in UTF-8 bytes, so that `NAME.json` fits a file name on every
    /// common file system (255 bytes).
    public static let maximumNameBytes = 250

    /// Checks a preset name against the naming rules; returns the problem or `nil`.
    public static func problem(withName name: String) -> String? {
        if name.isEmpty {
            return "a name needs at least one character"
        }
        if name.count > maximumNameLength {
            return "a name has at most \(maximumNameLength) characters"
        }
        if name.utf8.count > maximumNameBytes {
            return "a name has at most \(maximumNameBytes) bytes in UTF-8"
        }
        if name.contains("/") {
            return "a name cannot contain '/'"
        }
        // Any white space, not only U+0020: a name starting with a no-break space would look
        // the same as one without it.
        if let first = name.first, first == "-" || first == "." || first.isWhitespace {
            return "a name cannot start with '-', '.' or a space"
        }
        if name.last?.isWhitespace == true {
            return "a name cannot end with a space"
        }
        if name.unicodeScalars.contains(where: isUnprintable) {
            return "a name cannot contain control or invisible characters (a newline, a tab, "
                + "a zero-width space, a direction override) or bytes that are not UTF-8"
        }
        return nil
    }

    /// Checks a host list: names, IPv4 or IPv6 addresses, or socket folders, comma-separated.
    public static func problem(withHost host: String) -> String? {
        for part in host.split(separator: ",", omittingEmptySubsequences: false) {
            if let problem = problem(withOneHost: String(part)) {
                return problem
            }
        }
        return nil
    }

    /// Checks one host: a socket folder (`/…`), an IPv6 address (with an optional `%zone`),
    /// an IPv4 address, or a DNS name of at most 253 characters in labels of at most 63.
    static func problem(withOneHost host: String) -> String? {
        if host.isEmpty {
            return "a host cannot be empty"
        }
        if host.hasPrefix("/") {
            return host.unicodeScalars.contains(where: isUnprintable)
                ? "a socket folder cannot contain control characters" : nil
        }
        if let bad = host.unicodeScalars.first(where: { !isHostCharacter($0) }) {
            return "a host cannot contain \(describe(bad))"
        }
        if host.contains(":") {
            return isIPv6Address(host)
                ? nil
                : "'\(host)' is not an IPv6 address; a port goes in --port (or after a single "
                    + "host, as H:P)"
        }
        if host.allSatisfy({ $0.isNumber || $0 == "." }) {
            return isIPv4Address(host) ? nil : "'\(host)' is not a valid IPv4 address"
        }
        return problem(withHostName: host)
    }

    private static func problem(withHostName name: String) -> String? {
        if name.count > 253 {
            return "a host name has at most 253 characters"
        }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty || label.count > 63 {
                return "each part of a host name between dots has 1 to 63 characters"
            }
            if label.hasPrefix("-") || label.hasSuffix("-") {
                return "a part of a host name cannot start or end with '-'"
            }
        }
        return nil
    }

    private static func isIPv6Address(_ text: String) -> Bool {
        // A zone (`fe80::1%eth0`) names an interface; libpq passes it to getaddrinfo.
        let parts = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)
        // `fe80::1%` names no interface.
        guard parts.count == 1 || !parts[1].isEmpty else {
            return false
        }
        let address = String(parts[0])
        var buffer = in6_addr()
        return inet_pton(AF_INET6, address, &buffer) == 1
    }

    private static func isIPv4Address(_ text: String) -> Bool {
        var buffer = in_addr()
        return inet_pton(AF_INET, text, &buffer) == 1
    }

    /// Checks a database or user name: not empty, no control characters.
    public static func problem(withIdentifier value: String, what: String) -> String? {
        if value.isEmpty {
            return "\(what) cannot be empty"
        }
        if value.unicodeScalars.contains(where: isUnprintable) {
            return "\(what) cannot contain control characters"
        }
        // PostgreSQL keeps 63 bytes of a name (NAMEDATALEN); a longer one cannot match.
        if value.utf8.count > 63 {
            return "\(what) has at most 63 bytes in UTF-8, as in PostgreSQL"
        }
        return nil
    }

    /// Checks a port number.
    public static func problem(withPort port: Int) -> String? {
        (1...65535).contains(port) ? nil : "a port is a number from 1 to 65535"
    }

    /// Checks a connect timeout in seconds.
    public static func problem(withTimeout seconds: Int) -> String? {
        let range = Preset.timeoutRange
        return range.contains(seconds)
            ? nil
            : "a timeout is a number of seconds from \(range.lowerBound) to \(range.upperBound)"
    }

    /// Checks every field of a preset and returns the first problem as an error.
    public static func validate(_ preset: Preset) throws(PresetError) {
        let checks: [(String, String?)] = [
            (preset.name, problem(withName: preset.name)),
            (preset.host, problem(withHost: preset.host)),
            (String(preset.port), problem(withPort: preset.port)),
            (preset.database, problem(withIdentifier: preset.database, what: "a database name")),
            (preset.user, problem(withIdentifier: preset.user, what: "a user name")),
            (String(preset.connectTimeout), problem(withTimeout: preset.connectTimeout)),
        ]
        for (value, problem) in checks {
            if let problem {
                throw .invalidValue(value: value, problem: problem)
            }
        }
        if let folder = preset.certificateFolder, let problem = problem(withFolder: folder) {
            throw .invalidValue(value: folder, problem: problem)
        }
    }

    /// Checks a certificate folder as stored: absolute, or starting at a home folder.
    ///
    /// A relative folder in a file would be taken against whatever folder the tool runs in, so
    /// only the two forms that mean the same place every time are kept; control characters
    /// would reach the terminal and libpq's messages.
    public static func problem(withFolder folder: String) -> String? {
        if folder.isEmpty {
            return "a certificate folder needs a path"
        }
        if folder.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "a certificate folder cannot contain control characters"
        }
        if !folder.hasPrefix("/") && !PathExpansion.followsHome(folder) {
            return "a certificate folder is an absolute path, or starts with ~ or $HOME/"
        }
        return nil
    }

    private static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator:
            return true
        case .format:
            // Invisible formatting (bidirectional overrides, zero-width spaces) would make two
            // names look alike; the zero-width joiner is kept for emoji sequences.
            return scalar != "\u{200D}"
        default:
            // U+FFFD stands for bytes that were not valid UTF-8 on the command line.
            return scalar == "\u{FFFD}"
        }
    }

    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let c = Character(scalar)
            return c.isLetter || c.isNumber || "-._:%".contains(c)
        }
        // Internationalised names are resolved by the system; only ASCII punctuation is a risk.
        return !isUnprintable(scalar) && !scalar.properties.isWhitespace
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": "a space"
        case "\t": "a tab"
        case "\n", "\r": "a line break"
        default: "'\(scalar)'"
        }
    }
}
