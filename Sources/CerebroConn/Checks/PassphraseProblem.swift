/// Why no passphrase could be had for an encrypted client key.
///
/// No case ever carries the passphrase or any part of a passphrase file's contents.
public enum PassphraseProblem: Error, Equatable, Sendable {
    /// The key is encrypted, and there is neither a terminal to ask at nor a passphrase file.
    case required(keyPath: String)

    /// The terminal was asked, and input ended without an answer.
    case notAnswered(keyPath: String)

    /// The passphrase file lets its group or others in; `mode` is its permission bits.
    case fileTooOpen(path: String, mode: Int)

    /// The passphrase file is not a regular file.
    case notARegularFile(path: String)

    /// The passphrase file cannot be read; `reason` is the system's text.
    case fileUnreadable(path: String, reason: String)

    /// The passphrase file is empty.
    case fileEmpty(path: String)

    /// The passphrase file has something in it, but its first line, the passphrase, is empty.
    case firstLineEmpty(path: String)
}
