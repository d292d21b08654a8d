#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Turns user-typed paths into the absolute paths libpq needs.
public enum PathExpansion {
    /// Expands a leading `~`, `~user` or `$HOME` and makes the path absolute.
    ///
    /// A relative path is taken against `base` (the current folder by default); a `~` elsewhere
    /// in the path is left alone. Returns `nil` when `~user` names an account that does not
    /// exist.
    public static func absolute(
        _ path: String,
        environment: Environment,
        base: String = FileManager.default.currentDirectoryPath
    ) -> String? {
        guard let expanded = expandHome(path, environment: environment) else {
            return nil
        }
        let absolute = expanded.hasPrefix("/") ? expanded : base + "/" + expanded
        return standardize(absolute)
    }

    /// Whether `path` starts at a home folder (`~`, `~/…`, `~user/…`, `$HOME` or `$HOME/…`),
    /// so that it is expanded each time it is used; `$HOMEDIR/…` does not.
    public static func followsHome(_ path: String) -> Bool {
        path.hasPrefix("~") || path == "$HOME" || path.hasPrefix("$HOME/")
    }

    /// Expands a leading `~`, `~user` or `$HOME` only; `nil` for an unknown `~user`.
    public static func expandHome(_ path: String, environment: Environment) -> String? {
        if path == "~" || path == "$HOME" {
            return environment.home
        }
        if path.hasPrefix("~/") {
            return environment.home + path.dropFirst(1)
        }
        if path.hasPrefix("$HOME/") {
            return environment.home + path.dropFirst("$HOME".count)
        }
        if path.hasPrefix("~") {
            let user = path.dropFirst().prefix(while: { $0 != "/" })
            let rest = path.dropFirst(1 + user.count)
            guard let home = FileManager.default.homeDirectory(forUser: String(user))?.path else {
                return nil
            }
            return home + rest
        }
        return path
    }

    /// Removes `.` and empty components and resolves `..` textually, without touching the disk.
    static func standardize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }

        // Whole strings rather than `parts.joined(separator:)` or `+ part`: joining or appending
        // substrings takes a generic, unspecialised path whose first use costs a run about
        // 0.2 million instructions of runtime type lookups.
        var result = ""
        for part in parts {
            result += "/"
            result += String(part)
        }
        return result.isEmpty ? "/" : result
    }
}
