#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// A file that holds the passphrase of encrypted client keys on its first line.
///
/// Like a key, it must be readable by its owner only: mode 0600 or stricter, whoever owns it.
public enum PassphraseFile {
    /// The permission bits a passphrase file must not have: any group or other bit.
    public static let forbiddenBits = 0o077

    /// Reads the passphrase: the file's first line, without its line ending.
    ///
    /// The mode is checked before the file is opened; the contents never appear in an error.
    public static func read(path: String) -> Result<String, PassphraseProblem> {
        switch FileStatus.read(path: path) {
        case .failure(let error):
            return .failure(.fileUnreadable(path: path, reason: error.reason))
        case .success(let status) where status.kind != .regularFile:
            return .failure(.notARegularFile(path: path))
        case .success(let status) where status.permissions & forbiddenBits != 0:
            return .failure(.fileTooOpen(path: path, mode: status.permissions))
        case .success:
            break
        }

        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileStatus.checkReadable(path: path).failureReason ?? "reading failed"
            return .failure(.fileUnreadable(path: path, reason: reason))
        }
        let passphrase = firstLine(of: data)
        guard !passphrase.isEmpty else {
            // Only the first line is read; a file with more in it is not empty.
            return .failure(data.isEmpty ? .fileEmpty(path: path) : .firstLineEmpty(path: path))
        }
        return .success(passphrase)
    }

    private static func firstLine(of data: Data) -> String {
        let line = data.prefix { $0 != UInt8(ascii: "\n") }
        let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        return String(decoding: trimmed, as: UTF8.self)
    }
}

extension Result where Failure == SystemError {
    /// The system's reason when this is a failure.
    fileprivate var failureReason: String? {
        if case .failure(let error) = self {
            return error.reason
        }
        return nil
    }
}
