#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// What `stat` says about a path, read once; symbolic links are followed, as libpq does.
struct FileStatus: Equatable {
    /// The kind of object at a path.
    enum Kind: Equatable {
        /// A regular file.
        case regularFile

        /// A folder.
        case directory

        /// Anything else: a device, a FIFO, a socket.
        case other
    }

    /// The kind of object at the path.
    let kind: Kind

    /// The permission bits, such as `0o600`.
    let permissions: Int

    /// The user ID that owns the file.
    let ownerUserID: UInt32

    /// Reads the status of `path`, or returns the system error that `stat` reported.
    static func read(path: String) -> Result<FileStatus, SystemError> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(SystemError.current())
        }

        let kind: Kind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .regularFile
            case S_IFDIR: .directory
            default: .other
            }
        let permissions = Int(info.st_mode & 0o7777)
        return .success(FileStatus(kind: kind, permissions: permissions, ownerUserID: info.st_uid))
    }

    /// Whether the calling process may read `path`, by `access(path, R_OK)`.
    static func checkReadable(path: String) -> Result<Void, SystemError> {
        access(path, R_OK) == 0 ? .success(()) : .failure(SystemError.current())
    }
}

/// Reads whole certificate and key files.
enum FileBytes {
    /// The bytes of the file at `path`, or an error that says why they cannot be read.
    static func read(path: String) throws(CertificateFileError) -> [UInt8] {
        if case .failure(let error) = FileStatus.checkReadable(path: path) {
            throw error.isNotFound
                ? .fileNotFound(path: path)
                : .unreadableFile(path: path, reason: error.reason)
        }

        if case .success(let status) = FileStatus.read(path: path), status.kind == .directory {
            throw .unreadableFile(path: path, reason: "it is a directory")
        }

        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "reading failed")
        }
        return [UInt8](data)
    }
}
