import CerebroConn

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure a command reports itself, with the status it exits with.
public struct CommandFailure: Error, Sendable {
    /// The message to show.
    public var message: Message
    /// The exit status.
    public var status: ExitStatus

    /// A failure with a message and a status (1 unless given).
    public init(_ text: String, hint: String? = nil, status: ExitStatus = .failure) {
        self.message = Message(text, hint: hint)
        self.status = status
    }
}

/// Standard output could not be written; `code` is the `errno` of the failed write.
struct OutputError: Error, Sendable {
    /// The `errno` value.
    var code: Int32

    /// Whether the reader of a pipe went away.
    var isBrokenPipe: Bool {
        code == EPIPE
    }

    /// The system's text for the error, starting lowercase: `no space left on device`.
    var reason: String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

/// Turns every error the library or the CLI raises into words, in one place.
enum ErrorMessages {
    /// The message for any error.
    static func message(for error: any Error) -> Message {
        switch error {
        case let error as PresetError: message(for: error)
        case let error as CertificateLookupError: message(for: error)
        case let error as PlanError: message(for: error)
        case let error as PassphraseProblem: message(for: error)
        case let error as FindingsError: message(for: error)
        case let error as CommandFailure: error.message
        case let error as OutputError: Message("cannot write to standard output: \(error.reason)")
        default: Message("unexpected failure: \(error)", hint: "please report this as a bug")
        }
    }

    static func message(for error: PresetError) -> Message {
        switch error {
        case .invalidValue(let value, let problem):
            Message("invalid value '\(value)': \(problem)")
        case .notFound(let name, let directory):
            Message(
                "no preset named '\(name)' in \(directory)",
                hint: "'cerebro-conn list' shows the presets; 'cerebro-conn add' creates one"
            )
        case .alreadyExists(let name, let path):
            Message(
                "a preset named '\(name)' exists already (\(path)); it was kept as it was",
                hint: "choose another name, or change it with 'cerebro-conn edit'"
            )
        case .damaged(let path, let position, let reason):
            Message(
                "\(path)\(position.map { ": \($0)" } ?? ""): damaged preset file: \(reason)",
                hint: "fix the file by hand, or remove it with 'cerebro-conn remove'"
            )
        case .newerFormat(let path, let version):
            Message(
                "\(path): format version \(version) is newer than this cerebro-conn reads",
                hint: "use a newer cerebro-conn for this preset"
            )
        case .fileSystem(let path, let operation, let reason):
            Message(
                "\(path): cannot \(operation): \(reason)",
                hint: reason.lowercased().contains("permission")
                    ? "check that you own \(path) or may write to it, or choose another "
                        + "folder with --config" : nil
            )
        }
    }

    /// The warning for fields of a preset file that hold a secret; only their names are shown.
    ///
    /// They are ignored when the file is read, and gone once it has been rewritten (`removed`).
    static func secretFields(_ fields: [String], path: String, removed: Bool) -> Message {
        let names = fields.map { "'\($0)'" }.joined(separator: ", ")
        let (subject, fate, pronoun) =
            fields.count == 1
            ? ("field \(names)", removed ? "was removed" : "is ignored", "it")
            : ("fields \(names)", removed ? "were removed" : "are ignored", "them")
        let elsewhere =
            "give the password through PGPASSWORD or ~/.pgpass, and a key's passphrase at the "
            + "prompt or with 'test --passphrase-file'"
        return Message(
            "\(path): \(subject) \(fate): a preset never holds a password",
            hint: removed ? elsewhere : "delete \(pronoun) from the file; " + elsewhere
        )
    }

    static func message(for error: CertificateLookupError) -> Message {
        switch error {
        case .folderMissing(let folder):
            Message(
                "certificate folder \(folder) does not exist",
                hint: "create it with the certificate files, or change it with 'edit --certdir'"
            )
        case .notAFolder(let folder):
            Message("certificate folder \(folder) is not a folder")
        case .folderUnreadable(let folder, let reason):
            Message("certificate folder \(folder) cannot be read: \(reason)")
        case .noSetInFolder(let folder):
            Message(
                "certificate folder \(folder) holds no certificate set "
                    + "(client.crt/client.key or client.pg.crt/client.pg.key, and ca.crt)",
                hint: "copy the set into the folder, or clear it with 'edit --no-certdir'"
            )
        case .twoSets(let folder, let files):
            Message(
                "folder \(folder) holds more than one certificate set "
                    + "(\(files.joined(separator: ", ")))",
                hint: "a folder holds one set only: move one pair to a folder of its own"
            )
        case .incompleteSet(let folder, let present, let missing):
            Message(
                "incomplete certificate set in \(folder): \(present) is there "
                    + "but \(missing) is missing",
                hint: "add \(missing) next to \(present)"
            )
        case .unknownHome(let path):
            Message("\(path): no such user account for '~'")
        }
    }

    static func message(for error: PlanError) -> Message {
        switch error {
        case .missingAuthority(let level, let folder):
            Message(
                "verification level '\(level.rawValue)' needs ca.crt, and "
                    + (folder.map { "\($0) has none" } ?? "no certificate folder holds one"),
                hint: "add the CA certificate as ca.crt, or choose '--verify none' (encrypts, "
                    + "verifies nothing)"
            )
        }
    }
}
