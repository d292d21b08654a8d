import CerebroConn

/// The findings that stopped a check, as one error value for code that reports one error.
struct FindingsError: Error, Sendable {
    /// The findings, errors only, in file order.
    var findings: [Finding]
}

extension CheckProblem {
    /// The library error inside, for code that reports one error.
    var underlying: any Error {
        switch self {
        case .preset(let error): error
        case .lookup(let error): error
        case .plan(let error): error
        case .certificates(let findings): FindingsError(findings: findings)
        case .passphrase(let problem): problem
        }
    }

    /// Every message that reports the problem: one per finding, otherwise one.
    var messages: [Message] {
        switch self {
        case .certificates(let findings): findings.map(ErrorMessages.message(for:))
        default: [ErrorMessages.message(for: underlying)]
        }
    }
}

extension ErrorMessages {
    /// A finding as the user sees it: what is wrong with which file in which folder, and the fix.
    ///
    /// The finding's own words name the file by its last component (they are the field cases'
    /// texts); the folder follows in parentheses so that several sets can be told apart.
    static func message(for finding: Finding) -> Message {
        Message("\(finding.description) (in \(folder(of: finding.path)))", hint: finding.hint)
    }

    static func message(for error: FindingsError) -> Message {
        guard let first = error.findings.first else {
            return Message("the certificate set has problems")
        }
        let message = message(for: first)
        let more = error.findings.count - 1
        let suffix = more > 0 ? ", and \(more) more problem\(more == 1 ? "" : "s")" : ""
        return Message(message.text + suffix, hint: message.hint)
    }

    static func message(for problem: PassphraseProblem) -> Message {
        let askHint = "run on a terminal to be asked, or pass '--passphrase-file FILE' (mode 0600)"
        switch problem {
        case .required(let keyPath):
            return Message(
                "\(fileName(keyPath)) is encrypted; a passphrase (sslpassword) is required "
                    + "(in \(folder(of: keyPath)))",
                hint: askHint
            )
        case .notAnswered(let keyPath):
            // The person is at a terminal already (Ctrl-D ended the prompt): do not send them
            // to one.
            return Message(
                "no passphrase was entered for \(fileName(keyPath)) (in \(folder(of: keyPath)))",
                hint: "type the passphrase at the prompt, or pass '--passphrase-file FILE' "
                    + "(mode 0600)"
            )
        case .fileTooOpen(let path, let mode):
            return Message(
                "passphrase file \(path) has mode \(octal(mode)); it must be 0600 or stricter",
                hint: "run `chmod 600 \(shellQuoted(path))`"
            )
        case .notARegularFile(let path):
            return Message(
                "passphrase file \(path) is not a regular file",
                hint: "pass the file that holds the passphrase, not a folder or a device"
            )
        case .fileUnreadable(let path, let reason):
            return Message("passphrase file \(path) cannot be read: \(reason)")
        case .fileEmpty(let path):
            return Message(
                "passphrase file \(path) is empty",
                hint: "put the passphrase on its first line"
            )
        case .firstLineEmpty(let path):
            return Message(
                "passphrase file \(path): its first line is empty",
                hint: "put the passphrase on the first line: only that line is read"
            )
        }
    }

    /// The last component of a path.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The folder part of a path, without a trailing slash.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else {
            return "."
        }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A path as a POSIX shell reads it: as it is when plain, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,:@%="
        if !path.isEmpty, path.allSatisfy({ plain.contains($0) }) {
            return path
        }
        return "'" + path.replacing("'", with: "'\\''") + "'"
    }

    /// Permission bits as four octal digits: `0640`.
    static func octal(_ mode: Int) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
