import CerebroConn

/// Where `test` gets the passphrases of encrypted client keys: a file, the terminal, or nowhere.
enum KeyPassphrasePrompt {
    /// The source for this run: `--passphrase-file` if given (read and checked now), else the
    /// terminal if standard input is one, else none, so an encrypted key stops its preset.
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
        guard context.terminal.inputIsTerminal else {
            return .none
        }

        let terminal = context.terminal
        return KeyPassphrases { keyPath in
            let prompt = "passphrase for \(keyPath): "
            guard let answer = terminal.readLine(prompt, false) else {
                return .failure(.notAnswered(keyPath: keyPath))
            }
            return .success(answer)
        }
    }
}
