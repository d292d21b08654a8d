import CerebroConn

/// Where `test` gets the passphrases of encrypted client keys: a file, or the terminal.
enum KeyPassphrasePrompt {
    /// The source for this run: `--passphrase-file` if given (read and checked now), else the
    /// controlling terminal, asked once per key file; a process without one has no answer,
    /// so an encrypted key stops its preset.
    static func passphrases(
        _ invocation: Invocation,
        _ context: CommandContext
    ) throws(CommandFailure) -> KeyPassphrases {
        if let path = invocation.value("passphrase-file") {
            let absolute = PathExpansion.absolute(path, environment: context.environment) ?? path
            do {
                return try KeyPassphrases.file(absolute)
            } catch {
                let message = ErrorMessages.message(for: error)
                throw CommandFailure(message.text, hint: message.hint, status: .notAttempted)
            }
        }

        let terminal = context.terminal
        return KeyPassphrases { keyPath in
            switch terminal.readSecret("passphrase for \(keyPath): ") {
            case .answered(let answer): .success(answer)
            case .endOfInput: .failure(.notAnswered(keyPath: keyPath))
            case .noTerminal: .failure(.required(keyPath: keyPath))
            }
        }
    }

    /// Whether the passphrases come from the terminal, so that they are best asked for before
    /// the checks start.
    static func asksTheTerminal(_ invocation: Invocation) -> Bool {
        !invocation.has("passphrase-file")
    }
}
