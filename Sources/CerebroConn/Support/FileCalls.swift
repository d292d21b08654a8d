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

/// POSIX file calls the store needs that Foundation does not offer.
///
/// They are a read that never blocks on a pipe or a device, folders made with exact modes, and
/// finding which folder on a path is in the way. Writes go through ``OpenFolder``.
enum FileCalls {
    /// Makes `path` and its missing parents; the last component gets `mode`.
    ///
    /// Anything at `path` is accepted here; one that is not a folder fails when it is opened.
    static func makeFolder(_ path: String, mode: mode_t) throws(PresetError) {
        var info = stat()
        if stat(path, &info) == 0 {
            return
        }
        // Only a missing folder is made: a folder that cannot be reached is not missing, and
        // trying `mkdir` on it would report the wrong problem.
        guard errno == ENOENT else {
            throw .fileSystem(path: path, operation: .createFolder, error: .current())
        }
        let parent = folder(of: path)
        if !parent.isEmpty, parent != path {
            try makeFolder(parent, mode: 0o700)
        }
        if mkdir(path, mode) != 0, errno != EEXIST {
            throw .fileSystem(path: path, operation: .createFolder, error: .current())
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

    /// The contents of the regular file at `path`, following links.
    ///
    /// The file is opened without blocking, so that a named pipe with no writer cannot hang the
    /// command, and anything but a regular file is refused before a byte is read: a pipe or a
    /// device (such as a link to `/dev/zero`) never ends.
    static func readRegularFile(_ path: String) throws(PresetError) -> Data {
        let file = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else {
            throw .fileSystem(path: path, operation: .read, error: .current())
        }
        defer { close(file) }

        var info = stat()
        guard fstat(file, &info) == 0 else {
            throw .fileSystem(path: path, operation: .read, error: .current())
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .notAPresetFile(path: path, kind: FileKind(mode: info.st_mode))
        }
        return try readAll(file, sizeHint: Int(info.st_size), path: path)
    }

    private static func readAll(
        _ file: Int32,
        sizeHint: Int,
        path: String
    ) throws(PresetError) -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: max(4096, min(sizeHint + 1, 1 << 24)))
        while true {
            let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count == 0 {
                return data
            }
            if count < 0 {
                if errno == EINTR {
                    continue
                }
                throw .fileSystem(path: path, operation: .read, error: .current())
            }
            data.append(contentsOf: chunk[..<count])
        }
    }

    /// The folder on the way to `path` that stops every call on it, if there is one: a folder
    /// this user may not enter, or something that is not a folder where one should be.
    ///
    /// The components are tried from the first one down, so the error names the folder that
    /// needs fixing rather than the file or folder the call was about. `path` itself must be a
    /// folder too when `isFolder` is true.
    static func obstacle(onTheWayTo path: String, isFolder: Bool) -> PresetError? {
        let prefixes = prefixes(of: path)
        var info = stat()
        for (index, prefix) in prefixes.enumerated() {
            guard stat(prefix, &info) == 0 else {
                return nil
            }
            let isLast = index == prefixes.count - 1
            guard info.st_mode & S_IFMT == S_IFDIR else {
                return isLast && !isFolder ? nil : .notAFolder(path: prefix)
            }
            if faccessat(AT_FDCWD, prefix, X_OK, AT_EACCESS) != 0 {
                return .folderNotSearchable(path: prefix)
            }
        }
        return nil
    }

    /// `/a`, `/a/b`, `/a/b/c` for `/a/b/c` (and `a`, `a/b` for `a/b`), repeated slashes merged.
    private static func prefixes(of path: String) -> [String] {
        let components = path.split(separator: "/")
        let root = path.hasPrefix("/") ? "/" : ""
        return components.indices.map { end in
            root + components[...end].joined(separator: "/")
        }
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
}

extension FileKind {
    /// The kind for an `st_mode` that is not a regular file.
    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .namedPipe
        case S_IFCHR, S_IFBLK: self = .device
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }
}
