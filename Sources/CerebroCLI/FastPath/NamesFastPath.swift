import CerebroConn

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The start-up shortcut for `list --names`, which the completion scripts run on every Tab.
///
/// It reads three environment variables and the presets folder, and writes with the C
/// library: no command table, no terminal set-up, no Foundation streams. Any other command
/// line, or any failure, is left to `CerebroTool.run`, which then reports it properly.
public enum NamesFastPath {
    /// Prints the preset names and returns the status when `arguments` (argv without the
    /// program name) are `[--config DIR] list --names`; `nil` for anything else.
    public static func run(arguments: [String]) -> ExitStatus? {
        guard let request = Request(arguments) else {
            return nil
        }

        let environment = Environment(
            ["CEREBRO_CONN_HOME", "XDG_CONFIG_HOME", "HOME"].reduce(into: [:]) { variables, name in
                variables[name] = getenv(name).map { String(cString: $0) }
            }
        )
        let directory = environment.configurationDirectory(override: request.configurationDirectory)
        guard let names = try? PresetStore(configurationDirectory: directory).names() else {
            return nil
        }

        // Once writing has begun, a failure is reported here: falling back to the normal path
        // would print the names twice.
        guard let output = fdopen(STDOUT_FILENO, "w") else {
            return .failure
        }
        let bytes = NameListing.lines(names)
        let isWritten = fwrite(bytes, 1, bytes.count, output) == bytes.count
        let writeCode = isWritten ? 0 : errno
        let isClosed = fclose(output) == 0
        let closeCode = isClosed ? 0 : errno
        guard isWritten, isClosed else {
            report(OutputError(code: writeCode != 0 ? writeCode : closeCode))
            return .failure
        }
        return .success
    }

    /// Says on standard error that the names could not be written, as `CerebroTool.run` says
    /// it for every other command; a closed pipe is left unsaid there too.
    private static func report(_ error: OutputError) {
        guard !error.isBrokenPipe else {
            return
        }
        let message = ErrorMessages.message(for: error)
        _ = DescriptorOutput.write("error: \(message.text)\n", to: STDERR_FILENO)
    }

    /// A names-only command line: `[--config DIR | --config=DIR] list --names`.
    struct Request: Equatable {
        /// The `--config` value, if one is given.
        var configurationDirectory: String?

        /// The request `arguments` make, or `nil` when they ask for anything else.
        init?(_ arguments: [String]) {
            let tail = ["list", "--names"]
            switch arguments.count {
            case 2 where arguments == tail:
                configurationDirectory = nil
            case 3 where arguments[0].hasPrefix("--config=") && Array(arguments[1...]) == tail:
                configurationDirectory = String(arguments[0].dropFirst("--config=".count))
            case 4 where arguments[0] == "--config" && Array(arguments[2...]) == tail:
                configurationDirectory = arguments[1]
            default:
                return nil
            }
        }
    }
}

/// How `list --names` prints names: one per line, as UTF-8.
enum NameListing {
    /// The names, one per line; a name with a control character (only a hand-made file can
    /// have one) is left out, since it would not read back as one line.
    static func lines(_ names: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(names.count * 24)
        for name in names where !name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            bytes += name.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
