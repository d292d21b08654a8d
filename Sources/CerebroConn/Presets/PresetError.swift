/// Failures while reading, writing or validating presets.
public enum PresetError: Error, Equatable, Sendable {
    /// A field value breaks the rules; `problem` says which rule.
    case invalidValue(value: String, problem: String)
    /// No preset file exists for this name.
    case notFound(name: String, directory: String)
    /// A preset with this name exists already.
    case alreadyExists(name: String, path: String)
    /// The file is not valid JSON, or not a preset; `position` is "line L, column C" if known.
    case damaged(path: String, position: String?, reason: String)
    /// The file was written by a newer version whose format this one cannot read.
    case newerFormat(path: String, version: Int)
    /// A system call failed on a file or folder.
    case fileSystem(path: String, operation: String, reason: String)
}
