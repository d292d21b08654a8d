/// A parsed command line: which command, its option values and its arguments.
public struct Invocation: Sendable {
    /// The command chosen.
    public var command: CommandSpec
    /// Option values by long name; a flag has an empty value list per use.
    public var options: [String: [String]]
    /// Positional arguments in order.
    public var arguments: [String]

    /// Whether a flag was given.
    public func has(_ long: String) -> Bool {
        options[long] != nil
    }

    /// The value of an option, if given.
    public func value(_ long: String) -> String? {
        options[long]?.last
    }

    /// The whole-number value of an option, or a usage error naming it.
    public func number(_ long: String) throws(UsageError) -> Int? {
        guard let text = value(long) else {
            return nil
        }
        guard let number = Int(text) else {
            // Digits that do not fit an Int are a whole number all the same: say it is too big.
            let digits = text.drop(while: { "+-".contains($0) })
            let isWhole = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
            throw UsageError(
                command: command.name,
                message: isWhole
                    ? "option '--\(long)': '\(text)' is out of range"
                    : "option '--\(long)' takes a whole number, not '\(text)'"
            )
        }
        return number
    }
}

/// A command line that does not fit the command table.
public struct UsageError: Error, Equatable, Sendable {
    /// The command whose usage line to show, or `nil` for the tool's.
    public var command: String?
    /// What is wrong, naming the input.
    public var message: String
}
