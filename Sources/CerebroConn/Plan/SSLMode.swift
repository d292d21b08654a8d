/// libpq's `sslmode` values that a preset can produce.
public enum SSLMode: String, Sendable, Equatable {
    /// Try SSL, fall back to plain text; libpq `sslmode=prefer`.
    case prefer
    /// SSL without verification; libpq `sslmode=require`.
    case require
    /// SSL with the chain verified; libpq `sslmode=verify-ca`.
    case verifyCA = "verify-ca"
    /// SSL with the chain and the host name verified; libpq `sslmode=verify-full`.
    case verifyFull = "verify-full"

    /// The mode for a preset's SSL flag and verification level.
    public init(sslRequired: Bool, level: VerificationLevel) {
        guard sslRequired else {
            self = .prefer
            return
        }
        switch level {
        case .full: self = .verifyFull
        case .ca: self = .verifyCA
        case .none: self = .require
        }
    }

    /// Whether the server's chain is checked against a CA.
    public var verifiesChain: Bool {
        self == .verifyCA || self == .verifyFull
    }
}
