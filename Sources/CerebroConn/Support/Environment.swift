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

    /// The user's home folder: `$HOME`, else the account database.
    public var home: String {
        self["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
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

    /// The libpq variables that would change an SSL connection if a preset left them room.
    public var libpqSSLVariables: [String: String] {
        variables.filter { $0.key.hasPrefix("PGSSL") && !$0.value.isEmpty }
    }
}
