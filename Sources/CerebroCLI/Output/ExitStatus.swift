/// Every exit status the tool uses, in one place.
public struct ExitStatus: RawRepresentable, Sendable, Equatable, Comparable {
    /// The numeric status.
    public var rawValue: Int32

    /// A status from its number.
    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The command did what was asked; for `test`, the server accepted the connection.
    public static let success = ExitStatus(rawValue: 0)
    /// The command failed; for `test`, the server was reached and refused.
    public static let failure = ExitStatus(rawValue: 1)
    /// `test`: nothing answered.
    public static let noResponse = ExitStatus(rawValue: 2)
    /// `test`: no connection was attempted (bad preset, missing or invalid files).
    public static let notAttempted = ExitStatus(rawValue: 3)
    /// The command line does not fit the command table (`EX_USAGE`).
    public static let usage = ExitStatus(rawValue: 64)

    /// Orders statuses by number, so the worst of several `test` results is the maximum.
    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
