import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The tool's connection to the outside: two output streams, input, and what they are.
///
/// Commands write results to standard output and everything else through `Diagnostics` to
/// standard error. Every write passes here, and here its words are made safe for a terminal
/// (`StyledText`, `TerminalText`). Tests build one over in-memory buffers.
public struct Terminal: Sendable {
    /// What reaches standard output, already made safe.
    private let sendOut: @Sendable (String) -> Void
    /// What reaches standard error, already made safe.
    private let sendErr: @Sendable (String) -> Void
    /// Reads one line typed by the user, echoing or not; `nil` at end of input.
    public var readLine: @Sendable (_ prompt: String, _ echo: Bool) -> String?
    /// Asks for a secret on the controlling terminal, without echo.
    public var readSecret: @Sendable (_ prompt: String) -> SecretAnswer
    /// Whether standard input is a terminal a person can answer at.
    public var inputIsTerminal: Bool
    /// Whether standard output is a terminal.
    public var outputIsTerminal: Bool
    /// Whether standard error is a terminal.
    public var errorIsTerminal: Bool
    /// The `errno` of the first write to standard output that failed, if one has.
    public var outputFailure: @Sendable () -> Int32?

    /// A terminal from its parts.
    ///
    /// `writeOut` and `writeErr` receive text with its words already made safe; the prompts
    /// `readLine` and `readSecret` receive are made safe too. Without `readSecret`, secrets
    /// are read through `readLine` without echo when `inputIsTerminal`, and there is no
    /// terminal to ask otherwise.
    public init(
        writeOut: @escaping @Sendable (String) -> Void,
        writeErr: @escaping @Sendable (String) -> Void,
        readLine: @escaping @Sendable (String, Bool) -> String? = { _, _ in nil },
        readSecret: (@Sendable (String) -> SecretAnswer)? = nil,
        inputIsTerminal: Bool = false,
        outputIsTerminal: Bool = false,
        errorIsTerminal: Bool = false,
        outputFailure: @escaping @Sendable () -> Int32? = { nil }
    ) {
        self.sendOut = writeOut
        self.sendErr = writeErr
        self.readLine = { prompt, echo in readLine(TerminalText.safe(prompt), echo) }
        let secretReader =
            readSecret ?? { [inputIsTerminal] prompt in
                guard inputIsTerminal else {
                    return .noTerminal
                }
                return readLine(prompt, false).map(SecretAnswer.answered) ?? .endOfInput
            }
        self.readSecret = { prompt in secretReader(TerminalText.safe(prompt)) }
        self.inputIsTerminal = inputIsTerminal
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
        self.outputFailure = outputFailure
    }

    /// Writes words to standard output.
    public func writeOut(_ text: String) {
        sendOut(TerminalText.safe(text))
    }

    /// Writes styled text to standard output.
    public func writeOut(_ text: StyledText) {
        sendOut(text.rendered)
    }

    /// Writes words to standard error.
    public func writeErr(_ text: String) {
        sendErr(TerminalText.safe(text))
    }

    /// Writes styled text to standard error.
    public func writeErr(_ text: StyledText) {
        sendErr(text.rendered)
    }

    /// The process's own standard streams.
    public static var standard: Terminal {
        let output = DescriptorOutput(STDOUT_FILENO)
        let error = DescriptorOutput(STDERR_FILENO)
        return Terminal(
            writeOut: output.write,
            writeErr: error.write,
            readLine: TerminalInput.readLine,
            readSecret: TerminalInput.readSecret,
            inputIsTerminal: isatty(STDIN_FILENO) == 1,
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            errorIsTerminal: isatty(STDERR_FILENO) == 1,
            outputFailure: { output.failureCode }
        )
    }
}

/// One of the process's output descriptors, written with `write(2)`, unbuffered, so that
/// standard output and standard error reach a shared terminal in the order they were written.
///
/// It remembers the first failure, so that the run can end by reporting it, and writes
/// nothing after one: the rest of the output would be cut anyway.
final class DescriptorOutput: Sendable {
    private let descriptor: Int32
    private let failure = Mutex<Int32?>(nil)

    /// Output to `descriptor`, which the caller keeps open.
    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The `errno` of the first write that failed, if one has.
    var failureCode: Int32? {
        failure.withLock { $0 }
    }

    /// Writes all of `text`, unless an earlier write failed.
    func write(_ text: String) {
        failure.withLock { failure in
            if failure == nil {
                failure = Self.write(text, to: descriptor)
            }
        }
    }

    /// Writes all of `text` to `descriptor`, going on after interruptions and partial writes;
    /// returns the `errno` of a failure (a closed pipe, a full disk), or `nil`.
    static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let written = writeOnce(descriptor, base + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    // Read errno at once; a zero-byte write without one is reported as EIO.
                    return written < 0 ? errno : EIO
                }
            }
            return nil
        }
    }

    #if canImport(Glibc)
        private static let writeOnce = Glibc.write
    #elseif canImport(Darwin)
        private static let writeOnce = Darwin.write
    #endif
}
