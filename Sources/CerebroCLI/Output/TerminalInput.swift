internal import CTerminalEcho

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What asking for a secret at the terminal gave.
public enum SecretAnswer: Sendable, Equatable {
    /// The line typed, without its line ending.
    case answered(String)
    /// Input ended (Ctrl-D) before anything was typed.
    case endOfInput
    /// The process has no terminal to ask at.
    case noTerminal
}

/// Reading what the user types: answers on standard input, secrets on the controlling
/// terminal.
enum TerminalInput {
    /// Prints `prompt` on standard error and reads a line from standard input; without echo,
    /// it asks as `readSecret(prompt:)` does, so that no secret is ever read with echo on.
    static func readLine(prompt: String, echo: Bool) -> String? {
        guard echo else {
            if case .answered(let answer) = readSecret(prompt: prompt) {
                return answer
            }
            return nil
        }
        _ = DescriptorOutput.write(prompt, to: STDERR_FILENO)
        return Swift.readLine(strippingNewline: true)
    }

    /// Prompts on the controlling terminal and reads a line from it with echo off.
    ///
    /// The controlling terminal (`/dev/tty`) is where the person is, whatever standard input
    /// and standard error are: `test enc 2>/dev/null` still shows its prompt, as ssh, sudo and
    /// psql do. A process without one (cron, CI, `setsid`) has no one to ask. Ctrl-C, Ctrl-Z
    /// or a signal during the read never leaves the terminal without echo (`CTerminalEcho`).
    static func readSecret(prompt: String) -> SecretAnswer {
        let descriptor = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .noTerminal
        }
        defer { close(descriptor) }

        let bytes = Array(prompt.utf8)
        guard CTerminalEcho_off(descriptor, bytes, bytes.count) == 0 else {
            return .noTerminal
        }
        let line = readLine(from: descriptor)
        CTerminalEcho_restore()
        // The Enter typed was not echoed; end the prompt's line.
        _ = DescriptorOutput.write("\n", to: descriptor)
        return line.map(SecretAnswer.answered) ?? .endOfInput
    }

    /// One line from `descriptor`, without its newline; `nil` when input ends before any byte.
    private static func readLine(from descriptor: Int32) -> String? {
        var bytes: [UInt8] = []
        // The bytes are a passphrase: overwrite them before the memory is freed.
        defer {
            for index in bytes.indices {
                bytes[index] = 0
            }
        }
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
            if count == 1, byte != UInt8(ascii: "\n") {
                bytes.append(byte)
            } else if count < 0, errno == EINTR {
                continue
            } else if count == 1 || !bytes.isEmpty {
                // The newline, or Ctrl-D (or an error) after some input: that input is the line.
                return String(decoding: bytes, as: UTF8.self)
            } else {
                return nil
            }
        }
    }
}
