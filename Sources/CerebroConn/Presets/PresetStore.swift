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

/// The presets folder: one JSON file per preset, named after the preset.
///
/// Writes are atomic and files are 0600 in a 0700 folder. Every change that reads a preset
/// before writing (`update`, `rename`, `remove`) holds the folder's lock from the read to the
/// write, so that changes by other processes are neither lost nor doubled; `create` needs no
/// lock, as `link` never replaces a file. Reads take no lock: a file is only ever replaced
/// whole, by a rename. A damaged file is reported on its own and never blocks the others.
public struct PresetStore: Sendable {
    /// The folder holding the preset files.
    public let directory: String

    /// How long a change waits for another process's lock before it fails with `lockHeld`.
    public var lockTimeout: Duration = .seconds(30)

    /// Called once, with the lock file's path, when a change finds the lock taken and starts
    /// to wait, so that the caller can say why nothing happens; the store itself never prints.
    public var onLockWait: (@Sendable (String) -> Void)?

    /// A store in `configurationDirectory/presets`.
    public init(configurationDirectory: String) {
        self.directory = configurationDirectory + "/presets"
    }

    /// The file that holds the preset named `name`.
    public func path(for name: String) -> String {
        "\(directory)/\(fileName(for: name))"
    }

    private func fileName(for name: String) -> String {
        "\(name).json"
    }

    /// The names of every preset, sorted, read from file names alone.
    ///
    /// This is the fast path for shell completion: it opens no file.
    public func names() throws(PresetError) -> [String] {
        guard let stream = opendir(directory) else {
            if errno == ENOENT {
                return []
            }
            throw explained(.fileSystem(path: directory, operation: .listFolder, error: .current()))
        }
        defer { closedir(stream) }

        var names: [String] = []
        while let entry = readdir(stream) {
            if let name = withUnsafeBytes(of: entry.pointee.d_name, Self.presetName(fileName:)) {
                names.append(name)
            }
        }
        return names.sorted()
    }

    private static let fileSuffix = Array(".json".utf8)

    /// `NAME` for a directory entry `NAME.json` (NUL-terminated), `nil` for anything else.
    ///
    /// The suffix is compared as bytes, and only the stem becomes a `String`: shell completion
    /// runs this on every Tab, for thousands of files.
    private static func presetName(fileName: UnsafeRawBufferPointer) -> String? {
        let length = fileName.firstIndex(of: 0) ?? fileName.count
        let stemLength = length - fileSuffix.count
        guard stemLength > 0, fileName[stemLength..<length].elementsEqual(fileSuffix) else {
            return nil
        }
        let name = String(decoding: fileName[..<stemLength], as: UTF8.self)
        return name.hasPrefix(".") ? nil : name
    }

    /// Reads one preset.
    public func load(named name: String) throws(PresetError) -> Preset {
        try checkName(name)
        let path = path(for: name)
        let data: Data
        do {
            data = try FileCalls.readRegularFile(path)
        } catch .fileSystem(_, _, let error) where error.code == ENOENT {
            throw .notFound(name: name, directory: directory)
        } catch {
            throw explained(error)
        }
        var preset = try PresetFile.decode(data, path: path)
        // The file name is the preset's identity; a hand-edited `name` field must not split it.
        preset.name = name
        return preset
    }

    /// Reads every preset; damaged files come back as errors beside the good presets.
    public func loadAll() throws(PresetError) -> [Result<Preset, PresetError>] {
        try names().map { name in
            Result { () throws(PresetError) in try load(named: name) }
        }
    }

    /// Stores a new preset; fails with `alreadyExists` and keeps the old one if the name is taken.
    public func create(_ preset: Preset) throws(PresetError) {
        try PresetValidation.validate(preset)
        let folder = try openFolder(creatingIt: true)
        let contents = try PresetFile.encode(preset)
        guard try folder.create(fileName(for: preset.name), contents: contents) else {
            throw .alreadyExists(name: preset.name, path: path(for: preset.name))
        }
    }

    /// Reads the preset `name`, lets `change` alter it, and writes it back, all under the lock;
    /// returns the preset as written.
    ///
    /// `change` sees the preset as it is on disk at that moment, so a change made meanwhile by
    /// another process is kept. It cannot rename the preset: the name is restored afterwards.
    /// An error `change` throws (a rule the changed preset breaks) leaves the file as it was
    /// and reaches the caller as it is.
    @discardableResult
    public func update(
        named name: String,
        _ change: (inout Preset) throws -> Void
    ) throws -> Preset {
        try checkName(name)
        let folder = try openLocked(for: name)
        var preset = try load(named: name)
        try change(&preset)
        preset.name = name
        try PresetValidation.validate(preset)
        try folder.replace(fileName(for: name), contents: PresetFile.encode(preset))
        return preset
    }

    /// Gives a preset a new name; fails if the old name is gone or the new one taken.
    ///
    /// Both are checked under the lock, so of two renames of one preset one wins and the other
    /// is told there is no such preset. Returns the preset as it was read, so that the caller
    /// can tell which secret fields the new file no longer holds.
    @discardableResult
    public func rename(_ oldName: String, to newName: String) throws(PresetError) -> Preset {
        try checkName(oldName)
        try checkName(newName)
        let folder = try openLocked(for: oldName)
        var preset = try load(named: oldName)
        preset.name = newName
        try PresetValidation.validate(preset)

        // Link the new name, then unlink the old: the file must be rewritten, and POSIX has no
        // rename that refuses to replace a name (Linux's renameat2 is not in Swift's Glibc
        // module). The lock keeps every other change out of the middle; a listing may show
        // both names for that moment, and a crash there leaves both, never neither.
        let (oldFile, newFile) = (fileName(for: oldName), fileName(for: newName))
        guard try folder.create(newFile, contents: PresetFile.encode(preset)) else {
            throw .alreadyExists(name: newName, path: path(for: newName))
        }
        do {
            try folder.remove(oldFile)
        } catch {
            // Without the old file gone the rename has not happened; leaving the new file
            // would turn one preset into two.
            try? folder.remove(newFile)
            throw error
        }
        return preset
    }

    /// Deletes a preset, damaged or not: any file or link (even to nothing) of the preset's name,
    /// but not a folder.
    public func remove(named name: String) throws(PresetError) {
        try checkName(name)
        let folder = try openLocked(for: name)
        switch folder.entry(fileName(for: name)) {
        case .none:
            throw .notFound(name: name, directory: directory)
        case .folder:
            throw .notAPresetFile(path: path(for: name), kind: .folder)
        case .file:
            try folder.remove(fileName(for: name))
        }
    }

    // MARK: - Folder

    private func checkName(_ name: String) throws(PresetError) {
        if let problem = PresetValidation.problem(withName: name) {
            throw .invalidValue(value: name, problem: problem)
        }
    }

    /// The presets folder, open and locked, for a change to the existing preset `name`.
    ///
    /// A missing folder holds no presets, so it means `name` does not exist; it is not made.
    private func openLocked(for name: String) throws(PresetError) -> OpenFolder {
        let folder: OpenFolder
        do {
            folder = try openFolder(creatingIt: false)
        } catch .fileSystem(_, .openFolder, let error) where error.code == ENOENT {
            throw .notFound(name: name, directory: directory)
        }
        try folder.lock(timeout: lockTimeout, onWait: onLockWait)
        return folder
    }

    private func openFolder(creatingIt create: Bool) throws(PresetError) -> OpenFolder {
        if create {
            do {
                try FileCalls.makeFolder(directory, mode: 0o700)
            } catch {
                throw explained(error)
            }
        }
        // A presets folder made earlier, or by hand, with group or world access is closed
        // again: the names of the presets are private, like their files.
        FileCalls.restrict(directory, to: 0o700)
        do {
            return try OpenFolder(directory)
        } catch {
            throw explained(.fileSystem(path: directory, operation: .openFolder, error: error))
        }
    }

    /// `error`, or the folder on its path that really stops it (one that cannot be entered, or
    /// a file where a folder should be), when the system's code leaves that open.
    private func explained(_ error: PresetError) -> PresetError {
        guard case .fileSystem(let path, let operation, let cause) = error,
            cause.isPermissionDenied || cause.code == ENOTDIR
        else {
            return error
        }
        return FileCalls.obstacle(onTheWayTo: path, isFolder: operation.isOnFolder) ?? error
    }
}
