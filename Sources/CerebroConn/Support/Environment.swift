#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The process environment as the library sees it, passed in so tests never read the machine's.
public struct Environment: Sendable, Equatable {
    /// The variables, by name.
    public var variables: [String: String]

    /// An environment from explicit variables.
    public init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// The running process's environment, read from `environ` as `ProcessInfo` reads it: each
    /// entry splits at its first `=`, entries without one are skipped, and a later duplicate
    /// wins.
    ///
    /// `ProcessInfo.processInfo.environment` gives the same dictionary but costs every run about
    /// 0.7 million instructions (its set-up, a copy of each entry, per-character splitting).
    /// Like `getenv`, this takes no lock: read it before starting threads that change the
    /// environment, as the command line does.
    public static var current: Environment {
        var variables: [String: String] = [:]
        var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        while let current = entry, let text = current.pointee {
            let bytes = UnsafeRawBufferPointer(start: text, count: strlen(text))
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: bytes[..<equals], as: UTF8.self)
                variables[key] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
            }
            entry = current + 1
        }
        return Environment(variables)
    }

    /// A variable's value, or `nil` if it is unset or empty.
    public subscript(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else {
            return nil
        }
        return value
    }

    /// The user's home folder: `$HOME`, else the account database; always absolute, without
    /// a trailing slash.
    ///
    /// libpq needs absolute paths, and `HOME=/` or `HOME=/home/u/` would otherwise give
    /// `//cerebro`; a relative `HOME` is taken against the current folder, as a shell would.
    public var home: String {
        let home = self["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        let absolute =
            home.hasPrefix("/") ? home : FileManager.default.currentDirectoryPath + "/" + home
        return PathExpansion.standardize(absolute)
    }

    /// The configuration folder: `$CEREBRO_CONN_HOME`, else `$XDG_CONFIG_HOME/cerebro-conn`,
    /// else `~/.config/cerebro-conn`.
    public func configurationDirectory(override: String? = nil) -> String {
        if let override {
            return PathExpansion.absolute(override, environment: self) ?? override
        }
        if let explicit = self["CEREBRO_CONN_HOME"] {
            return PathExpansion.absolute(explicit, environment: self) ?? explicit
        }
        if let xdg = self["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/cerebro-conn"
        }
        return home + "/.config/cerebro-conn"
    }

    /// The `PG*` variables that are set (not empty) and have no effect on a preset, by name.
    public var ignoredLibpqVariables: [String: String] {
        variables.filter { Self.isIgnoredLibpqVariable($0.key) && !$0.value.isEmpty }
    }
}

extension Environment {
    /// The `PG*` variables libpq keeps reading: a preset never holds a password, so these
    /// (and `~/.pgpass`) are how one reaches libpq.
    public static let libpqPasswordVariables: Set<String> = ["PGPASSWORD", "PGPASSFILE"]

    /// Whether a preset overrides the variable `name`: every `PG*` name but the password ones.
    ///
    /// A prefix, not libpq 15's list, because each libpq release reads new `PG*` variables
    /// (PGREQUIREAUTH, PGSSLNEGOTIATION, ...); the tool reads none of its own.
    public static func isIgnoredLibpqVariable(_ name: String) -> Bool {
        name.hasPrefix("PG") && !libpqPasswordVariables.contains(name)
    }

    /// Removes every variable `isIgnoredLibpqVariable` names from the running process, so
    /// that libpq, which reads them itself with `getenv` as each connection starts, never sees
    /// them.
    ///
    /// Some cannot be overridden any other way: libpq ignores empty values, so `hostaddr`,
    /// `service` or `options` cannot be pinned to "none", and `PGTZ`, `PGDATESTYLE` and
    /// `PGGEQO` have no keyword at all. A program that never calls this gets them applied to
    /// its connections. Call it once, before any thread starts: `unsetenv` while another
    /// thread calls `getenv` is a data race.
    public static func removeIgnoredLibpqVariables() {
        var names: [[CChar]] = []
        var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        while let current = entry, let text = current.pointee {
            let bytes = UnsafeRawBufferPointer(start: text, count: strlen(text))
            if bytes.starts(with: "PG".utf8), let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                let name = bytes[..<equals]
                // Bytes, not a decoded String, so that a name that is not UTF-8 still matches.
                if !libpqPasswordVariables.contains(String(decoding: name, as: UTF8.self)) {
                    names.append(name.map { CChar(bitPattern: $0) } + [0])
                }
            }
            entry = current + 1
        }
        // Only after the walk: unsetenv moves the later entries of `environ` down.
        for name in names {
            unsetenv(name)
        }
    }
}
