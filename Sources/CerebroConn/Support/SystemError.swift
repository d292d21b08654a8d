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

/// An `errno` value read right after the call that set it.
struct SystemError: Error, Equatable {
    /// The `errno` value.
    let code: Int32

    /// Captures the current `errno`; call it right after the failing call.
    static func current() -> SystemError {
        SystemError(code: errno)
    }

    /// Whether the error says that nothing exists at the path.
    var isNotFound: Bool {
        code == ENOENT || code == ENOTDIR
    }

    /// The system's text for the error, starting lowercase: `permission denied`.
    var reason: String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

extension SystemError {
    /// The `errno` behind an error that Foundation's file functions threw, if it carries one.
    ///
    /// Foundation wraps the system's error in a `CocoaError`; the `POSIXError` inside it is the
    /// error of the call that failed, so its text is the real reason.
    init?(_ error: any Error) {
        if let posix = error as? POSIXError {
            code = posix.code.rawValue
        } else if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
            code = posix.code.rawValue
        } else {
            return nil
        }
    }
}
