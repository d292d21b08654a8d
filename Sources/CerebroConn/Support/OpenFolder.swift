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

/// A folder held open while the store changes it; owns the descriptor and closes it in `deinit`.
///
/// The folder is opened before anything in it changes: the descriptor is what syncs the folder
/// after a change, and a folder that cannot be opened (one without read permission) must fail
/// the command before it has changed anything, not after. Every change goes through the
/// descriptor (`openat`, `linkat`, `renameat`, `unlinkat`), so the folder that was locked is
/// the folder that changes. Files are written atomically with mode 0600: a temporary file is
/// written and synced, then linked or renamed into place.
final class OpenFolder {
    /// The folder's path, for messages.
    let path: String
    private let descriptor: Int32
    private var lockDescriptor: Int32 = -1

    /// The name of the lock file; the leading dot keeps it out of every listing.
    static let lockFileName = ".lock"

    /// Opens the folder at `path`, failing with its `errno` as `SystemError`.
    init(_ path: String) throws(SystemError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SystemError.current()
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        // Closing the lock file's descriptor releases the lock.
        if lockDescriptor >= 0 {
            close(lockDescriptor)
        }
        close(descriptor)
    }

    /// Waits for, then holds until `deinit`, the store's exclusive lock.
    ///
    /// The lock is `flock` on a lock file rather than on the folder: on NFS, where home folders
    /// often live, `flock` becomes a POSIX lock, and an exclusive one needs a descriptor open for
    /// writing, which a folder cannot have. The file is never deleted: a process waiting on the
    /// old file would hold a lock nobody else sees. A lock held by another process is waited
    /// for up to `timeout`, `onWait` being told once; a process stopped with Ctrl-Z, or stuck,
    /// would otherwise make every later change hang without a word.
    func lock(
        timeout: Duration,
        onWait: (@Sendable (String) -> Void)?
    ) throws(PresetError) {
        let file = Self.lockFileName
        let lock = openat(descriptor, file, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard lock >= 0 else {
            let code = errno
            // The lock file is the store's own; while it does not exist yet, what stops it
            // being made (modes, a read-only or full disk) is a problem of the folder.
            if entry(file) == .none || code == EROFS {
                throw .fileSystem(
                    path: path,
                    operation: .writeIntoFolder,
                    error: SystemError(code: code)
                )
            }
            throw failure(file, .lock, code)
        }
        lockDescriptor = lock
        // The owner's own file: one left 0644 by an older version or by hand is closed again.
        fchmod(lock, 0o600)
        try wait(for: lock, timeout: timeout, onWait: onWait)
    }

    /// Takes the lock on `lock` without blocking, retrying every 50 ms until `timeout`.
    private func wait(
        for lock: Int32,
        timeout: Duration,
        onWait: (@Sendable (String) -> Void)?
    ) throws(PresetError) {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var told = false
        while flock(lock, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                throw failure(Self.lockFileName, .lock, code)
            }
            guard clock.now < deadline else {
                throw .lockHeld(
                    path: path + "/" + Self.lockFileName,
                    seconds: Int(timeout.components.seconds)
                )
            }
            if !told {
                onWait?(path + "/" + Self.lockFileName)
                told = true
            }
            usleep(50_000)
        }
    }

    /// Publishes `contents` as `name`, mode 0600; returns `false`, changing nothing, if the name
    /// is taken.
    ///
    /// `link` refuses to replace an existing name, so of two creators of one name one wins.
    func create(_ name: String, contents: Data) throws(PresetError) -> Bool {
        let temporary = try writeTemporary(for: name, contents: contents)
        defer { unlinkat(descriptor, temporary, 0) }

        if linkat(descriptor, temporary, descriptor, name, 0) != 0 {
            let code = errno
            if code == EEXIST {
                return false
            }
            throw failure(name, .create, code)
        }
        sync()
        return true
    }

    /// Replaces `name` with `contents` atomically (write, sync, rename), mode 0600.
    func replace(_ name: String, contents: Data) throws(PresetError) {
        let temporary = try writeTemporary(for: name, contents: contents)
        if renameat(descriptor, temporary, descriptor, name) != 0 {
            let code = errno
            unlinkat(descriptor, temporary, 0)
            throw failure(name, .replace, code)
        }
        sync()
    }

    /// Deletes the entry `name`.
    func remove(_ name: String) throws(PresetError) {
        if unlinkat(descriptor, name, 0) != 0 {
            throw failure(name, .remove, errno)
        }
        sync()
    }

    /// What a name in the folder refers to, link or not.
    enum Entry: Equatable {
        /// Nothing has the name.
        case none
        /// A folder, which `unlink` cannot remove.
        case folder
        /// Anything else: a file, a link (even to nothing), a pipe, a device.
        case file
    }

    /// What `name` is, without following a link.
    func entry(_ name: String) -> Entry {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            return .none
        }
        return info.st_mode & S_IFMT == S_IFDIR ? .folder : .file
    }

    // MARK: - Steps

    private func writeTemporary(for name: String, contents: Data) throws(PresetError) -> String {
        // A leading dot keeps temporary files out of every listing: preset names never start
        // with one.
        let temporary = ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).json"
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard file >= 0 else {
            // The temporary name means nothing to the user; the folder is what needs fixing.
            throw .fileSystem(path: path, operation: .writeIntoFolder, error: .current())
        }
        defer { close(file) }

        if let code = Self.writeAll(contents, to: file) ?? (fsync(file) == 0 ? nil : errno) {
            unlinkat(descriptor, temporary, 0)
            // Named after the preset file it was to become: that is the file the user knows.
            throw failure(name, .write, code)
        }
        return temporary
    }

    /// Writes every byte, retrying short writes; returns the `errno` of a failure.
    private static func writeAll(_ contents: Data, to file: Int32) -> Int32? {
        contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let start = buffer.baseAddress.map { $0 + offset }
                let written = write(file, start, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR {
                        continue
                    }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// Makes the change durable; a failure is not reported.
    ///
    /// By now the change is done and visible to every other process. A failed folder sync (an
    /// I/O error, or a file system that cannot sync folders) does not undo it, so reporting it
    /// as a failed command would misstate what was done.
    private func sync() {
        fsync(descriptor)
    }

    private func failure(_ name: String, _ operation: FileOperation, _ code: Int32) -> PresetError {
        .fileSystem(path: "\(path)/\(name)", operation: operation, error: SystemError(code: code))
    }
}
