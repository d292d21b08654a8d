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
/// Writes are atomic and never lose a concurrent writer's preset; files are 0600 in a 0700
/// folder. A damaged file is reported on its own and never blocks the others.
public struct PresetStore: Sendable {
    /// The folder holding the preset files.
    public let directory: String

    /// A store in `configurationDirectory/presets`.
    public init(configurationDirectory: String) {
        self.directory = configurationDirectory + "/presets"
    }

    /// The file that holds the preset named `name`.
    public func path(for name: String) -> String {
        "\(directory)/\(name).json"
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
        if let problem = PresetValidation.problem(withName: name) {
            throw .invalidValue(value: name, problem: problem)
        }
        let path = path(for: name)
        let data: Data
        do {
            data = try AtomicFile.readRegularFile(path)
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
        try prepareFolder()
        do {
            try AtomicFile.create(path(for: preset.name), contents: PresetFile.encode(preset))
        } catch .alreadyExists(_, let path) {
            throw .alreadyExists(name: preset.name, path: path)
        } catch {
            throw explained(error)
        }
    }

    /// Replaces an existing preset with new values.
    public func update(_ preset: Preset) throws(PresetError) {
        try PresetValidation.validate(preset)
        _ = try load(named: preset.name)
        try prepareFolder()
        do {
            try AtomicFile.replace(path(for: preset.name), contents: PresetFile.encode(preset))
        } catch {
            throw explained(error)
        }
    }

    /// Gives a preset a new name; fails if the new name is taken.
    ///
    /// Returns the preset as it was read, so that the caller can tell which secret fields
    /// the new file no longer holds.
    @discardableResult
    public func rename(_ oldName: String, to newName: String) throws(PresetError) -> Preset {
        var preset = try load(named: oldName)
        preset.name = newName
        try create(preset)
        try AtomicFile.remove(path(for: oldName))
        return preset
    }

    /// Deletes a preset, damaged or not: any file or link (even to nothing) of the preset's name,
    /// but not a folder.
    public func remove(named name: String) throws(PresetError) {
        if let problem = PresetValidation.problem(withName: name) {
            throw .invalidValue(value: name, problem: problem)
        }
        // lstat, not stat: a link to a missing file is listed, so it must be removable too.
        var info = stat()
        guard lstat(path(for: name), &info) == 0 else {
            throw .notFound(name: name, directory: directory)
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw .notAPresetFile(path: path(for: name), kind: .folder)
        }
        try AtomicFile.remove(path(for: name))
    }

    private func prepareFolder() throws(PresetError) {
        do {
            try AtomicFile.makeFolder(directory, mode: 0o700)
        } catch {
            throw explained(error)
        }
        // A presets folder made earlier, or by hand, with group or world access is closed
        // again: the names of the presets are private, like their files.
        AtomicFile.restrict(directory, to: 0o700)
    }

    /// `error`, or the folder on its path that really stops it (one that cannot be entered, or
    /// a file where a folder should be), when the system's code leaves that open.
    private func explained(_ error: PresetError) -> PresetError {
        guard case .fileSystem(let path, let operation, let cause) = error,
            cause.isPermissionDenied || cause.code == ENOTDIR
        else {
            return error
        }
        return AtomicFile.obstacle(onTheWayTo: path, isFolder: operation.isOnFolder) ?? error
    }
}
