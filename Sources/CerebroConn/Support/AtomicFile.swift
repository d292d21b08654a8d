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

/// POSIX file operations that Foundation does not offer with the guarantees the store needs:
/// a no-overwrite publish, fsync of file and folder, and exact modes.
enum AtomicFile {
    /// Creates `path` with `contents` and mode 0600, failing with `EEXIST` if it exists.
    ///
    /// The data goes to a temporary file that is synced, then hard-linked into place; `link`
    /// refuses to replace an existing name, so two creators of one name cannot both win.
    static func create(_ path: String, contents: Data) throws(PresetError) {
        let temporary = try writeTemporary(besides: path, contents: contents)
        defer { unlink(temporary) }

        if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST {
                throw .alreadyExists(name: "", path: path)
            }
            throw failure(path, "create", code)
        }
        try syncFolder(of: path)
    }

    /// Replaces `path` with `contents` atomically (write, sync, rename), mode 0600.
    static func replace(_ path: String, contents: Data) throws(PresetError) {
        let temporary = try writeTemporary(besides: path, contents: contents)
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw failure(path, "replace", code)
        }
        try syncFolder(of: path)
    }

    /// Removes `path`; a missing file is reported as `ENOENT` in the error.
    static func remove(_ path: String) throws(PresetError) {
        if unlink(path) != 0 {
            throw failure(path, "remove", errno)
        }
        try syncFolder(of: path)
    }

    /// Makes `path` and its missing parents; the last component gets `mode`.
    static func makeFolder(_ path: String, mode: mode_t) throws(PresetError) {
        var info = stat()
        if stat(path, &info) == 0 {
            return
        }
        let parent = folder(of: path)
        if !parent.isEmpty, parent != path {
            try makeFolder(parent, mode: 0o700)
        }
        if mkdir(path, mode) != 0, errno != EEXIST {
            throw failure(path, "create the folder", errno)
        }
        chmod(path, mode)
    }

    /// Takes group and world access away from a folder the user owns.
    static func restrict(_ path: String, to mode: mode_t) {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0, info.st_uid == geteuid() {
            chmod(path, mode)
        }
    }

    /// The text of an `errno` value.
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    // MARK: - Steps

    private static func writeTemporary(
        besides path: String,
        contents: Data
    ) throws(PresetError) -> String {
        let folder = folder(of: path)
        // A leading dot keeps temporary files out of every listing: preset names never start
        // with one.
        let temporary = "\(folder)/.tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).json"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            // The temporary name means nothing to the user; the folder is what needs fixing.
            throw failure(folder, "write into the folder", errno)
        }
        defer { close(descriptor) }

        let written = contents.withUnsafeBytes { buffer in
            write(descriptor, buffer.baseAddress, buffer.count)
        }
        if written != contents.count || fsync(descriptor) != 0 {
            let code = errno
            unlink(temporary)
            throw failure(temporary, "write", code)
        }
        return temporary
    }

    private static func syncFolder(of path: String) throws(PresetError) {
        let folder = folder(of: path)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw failure(folder, "open", errno)
        }
        defer { close(descriptor) }
        fsync(descriptor)
    }

    /// The folder part of `path`, as `dirname` gives it but empty for a bare name.
    static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") {
            path = path.dropLast()
        }
        guard let slash = path.lastIndex(of: "/") else {
            return ""
        }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func failure(_ path: String, _ operation: String, _ code: Int32) -> PresetError {
        .fileSystem(path: path, operation: operation, reason: reason(code))
    }
}
