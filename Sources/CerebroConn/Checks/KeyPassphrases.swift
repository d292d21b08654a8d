import Synchronization

/// The passphrases of encrypted client keys for one run, obtained at most once per key file.
///
/// A run that checks several presets at once shares one value: the first check that needs a
/// key's passphrase asks `source`, and every later one, on any thread, gets the same answer.
/// Asking is serialised, so a terminal never shows two prompts at once. Answers stay in memory
/// only, for the life of the value.
public final class KeyPassphrases: Sendable {
    /// Obtains the passphrase of the key at the given path, or says why there is none.
    public typealias Source = @Sendable (_ keyPath: String) -> Result<String, PassphraseProblem>

    private let source: Source
    private let answers = Mutex<[String: Result<String, PassphraseProblem>]>([:])

    /// Passphrases from `source`, each asked for once per key path.
    public init(_ source: @escaping Source) {
        self.source = source
    }

    /// No passphrase for any key: every encrypted key is `PassphraseProblem.required`.
    public static let none = KeyPassphrases { .failure(.required(keyPath: $0)) }

    /// The same passphrase, read once from `file`, for every key.
    ///
    /// - Throws: the problem with the file, checked before any key needs it.
    public static func file(_ path: String) throws(PassphraseProblem) -> KeyPassphrases {
        let passphrase = try PassphraseFile.read(path: path).get()
        return KeyPassphrases { _ in .success(passphrase) }
    }

    /// The passphrase of the key at `keyPath`, asking the source only the first time.
    public func passphrase(forKeyAt keyPath: String) -> Result<String, PassphraseProblem> {
        // The lock is held while the source runs, so a second check of the same key waits
        // for the first answer instead of asking again.
        answers.withLock { known in
            if let answer = known[keyPath] {
                return answer
            }
            let answer = source(keyPath)
            known[keyPath] = answer
            return answer
        }
    }
}
