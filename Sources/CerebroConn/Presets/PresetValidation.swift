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
        if let first = name.first, first == "-" || first == "." || first == " " {
            return "a name cannot start with '-', '.' or a space"
        }
        if name.hasSuffix(" ") {
            return "a name cannot end with a space"
        }
        if name.unicodeScalars.contains(where: isUnprintable) {
            return "a name cannot contain control characters such as a newline or a tab"
        }
        return nil
    }

    /// Checks a host list: names, IPv4 or IPv6 addresses, or socket folders, comma-separated.
    public static func problem(withHost host: String) -> String? {
        let parts = host.split(separator: ",", omittingEmptySubsequences: false)
        for part in parts {
            if part.isEmpty {
                return "a host cannot be empty"
            }
            if part.first == "/" {
                continue
            }
            if let bad = part.unicodeScalars.first(where: { !isHostCharacter($0) }) {
                return "a host cannot contain \(describe(bad))"
            }
        }
        return nil
    }

    /// Checks a database or user name: not empty, no control characters.
    public static func problem(withIdentifier value: String, what: String) -> String? {
        if value.isEmpty {
            return "\(what) cannot be empty"
        }
        if value.unicodeScalars.contains(where: isUnprintable) {
            return "\(what) cannot contain control characters"
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
        if let folder = preset.certificateFolder, folder.isEmpty || folder.contains("\0") {
            throw .invalidValue(value: folder, problem: "a certificate folder needs a path")
        }
    }

    private static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}"
            || scalar == "\u{2029}"
    }

    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let c = Character(scalar)
            return c.isLetter || c.isNumber || "-._:[]%".contains(c)
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
