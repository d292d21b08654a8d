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
///
/// The raw value is kept, so that a code this type has no name for still reaches the user with
/// the system's own text.
public struct SystemError: Error, Equatable, Sendable {
    /// The `errno` value.
    public let code: Int32

    /// The error for `errno` value `code`.
    public init(code: Int32) {
        self.code = code
    }

    /// Captures the current `errno`; call it right after the failing call.
    static func current() -> SystemError {
        SystemError(code: errno)
    }

    /// Whether the error says that nothing exists at the path.
    var isNotFound: Bool {
        code == ENOENT || code == ENOTDIR
    }

    /// The system's text for the error, starting lowercase: `permission denied`.
    public var reason: String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// Whether file modes or ownership refused the call (`EACCES`, `EPERM`).
    public var isPermissionDenied: Bool {
        code == EACCES || code == EPERM
    }

    /// Whether the disk, or the user's quota on it, is full (`ENOSPC`, `EDQUOT`).
    public var isOutOfSpace: Bool {
        code == ENOSPC || code == EDQUOT
    }

    /// Whether a call that opens without following links met a link (`ELOOP`) or a folder
    /// (`EISDIR`) where it expected a regular file.
    public var isNotARegularFile: Bool {
        code == ELOOP || code == EISDIR
    }

    /// Whether the file system is mounted read-only (`EROFS`).
    public var isReadOnlyFileSystem: Bool {
        code == EROFS
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
