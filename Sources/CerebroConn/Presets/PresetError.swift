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
    /// A system call failed on a file or folder; `error` keeps its `errno`.
    case fileSystem(path: String, operation: FileOperation, error: SystemError)
    /// A folder on the way to the presets exists, but this user may not enter it (no `x`).
    case folderNotSearchable(path: String)
    /// Something other than a folder stands where a folder on the way to the presets should be.
    case notAFolder(path: String)
    /// A preset's file name is taken by something other than a regular file.
    case notAPresetFile(path: String, kind: FileKind)
    /// Another process held the store's lock for all of `seconds`: a change that would wait
    /// on it longer fails instead of hanging.
    case lockHeld(path: String, seconds: Int)
    /// A preset could not be turned into JSON; a bug, as every value it holds is encodable.
    case encodingFailed(name: String, reason: String)
}

/// What the store was doing when a system call failed.
public enum FileOperation: Sendable, Equatable {
    /// Listing the presets folder (`opendir`).
    case listFolder
    /// Opening the presets folder before changing it, to lock and sync it.
    case openFolder
    /// Making a missing folder (`mkdir`).
    case createFolder
    /// Making a temporary file in the folder.
    case writeIntoFolder
    /// Opening or locking the store's lock file.
    case lock
    /// Reading a preset file.
    case read
    /// Writing the contents of a preset file.
    case write
    /// Publishing a new preset file under its name (`link`).
    case create
    /// Putting a rewritten preset file in place of the old one (`rename`).
    case replace
    /// Deleting a preset file (`unlink`).
    case remove

    /// Whether the failure's path names a folder; otherwise it names a file.
    public var isOnFolder: Bool {
        switch self {
        case .listFolder, .openFolder, .createFolder, .writeIntoFolder: true
        case .lock, .read, .write, .create, .replace, .remove: false
        }
    }
}

/// The kind of a file system entry that is not a regular file.
public enum FileKind: Sendable, Equatable {
    /// A folder.
    case folder
    /// A named pipe (FIFO).
    case namedPipe
    /// A character or block device, such as `/dev/zero`.
    case device
    /// A Unix-domain socket.
    case socket
    /// Anything else that `stat` reports.
    case other
}
