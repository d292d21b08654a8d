import CerebroCLI
import CerebroConn
import Synchronization

/// What one in-process run of the tool wrote and returned.
struct ToolRun {
    /// The exit status.
    var status: ExitStatus
    /// Everything written to standard output.
    var output: String
    /// Everything written to standard error.
    var error: String

    /// Runs `CerebroTool.run` with `arguments`, in-memory streams and only `environment`.
    ///
    /// `isTerminal` makes both streams claim to be terminals, for the colour rules.
    init(
        _ arguments: [String],
        environment: [String: String] = [:],
        isTerminal: Bool = false
    ) {
        let output = Mutex("")
        let error = Mutex("")
        let terminal = Terminal(
            writeOut: { text in output.withLock { $0 += text } },
            writeErr: { text in error.withLock { $0 += text } },
            outputIsTerminal: isTerminal,
            errorIsTerminal: isTerminal
        )
        status = CerebroTool.run(
            arguments: arguments,
            terminal: terminal,
            environment: Environment(environment)
        )
        self.output = output.withLock { $0 }
        self.error = error.withLock { $0 }
    }
}
