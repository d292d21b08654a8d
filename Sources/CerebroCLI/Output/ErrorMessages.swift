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
            Message(
                "certificate folder \(folder) cannot be read: \(reason)",
                hint: "give the user who connects read and search access to it (if it is yours, "
                    + "'chmod 700 \(shellQuoted(folder))'), or move the set elsewhere and "
                    + "point --certdir at it"
            )
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
        case .mixedNamings(let folder, let files):
            Message(
                "folder \(folder) mixes the two namings of a client pair "
                    + "(\(files.joined(separator: ", "))), so it holds no whole pair",
                hint: "rename them to client.crt and client.key, or to client.pg.crt and "
                    + "client.pg.key"
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
        case .sslOverSocket(let name, let folder):
            Message(
                "the preset requires SSL, but its host '\(folder)' is a Unix-socket folder, "
                    + "where libpq never uses SSL",
                hint: "give a host name or address to use SSL, or drop the requirement with "
                    + "'cerebro-conn edit \(name) --no-ssl'"
            )
        }
    }
}
