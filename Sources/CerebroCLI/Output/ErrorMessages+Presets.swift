import CerebroConn

extension ErrorMessages {
    /// The message for a failure of the preset store, with the fix for the cause found.
    static func message(for error: PresetError) -> Message {
        switch error {
        case .invalidValue(let value, let problem):
            Message("invalid value '\(value)': \(problem)")
        case .notFound(let name, let directory):
            Message(
                "no preset named '\(name)' in \(directory)",
                hint: "'cerebro-conn list' shows the presets; 'cerebro-conn add' creates one"
            )
        case .alreadyExists(let name, let path):
            Message(
                "a preset named '\(name)' exists already (\(path)); it was kept as it was",
                hint: "choose another name, or change it with 'cerebro-conn edit'"
            )
        case .damaged(let path, let position, let reason):
            Message(
                "\(path)\(position.map { ": \($0)" } ?? ""): damaged preset file: \(reason)",
                hint: "fix the file by hand, or remove it with 'cerebro-conn remove'"
            )
        case .lockHeld(let path, let seconds):
            Message(
                "\(path): another process held the presets lock for \(seconds) seconds; "
                    + "nothing was changed",
                hint: "finish or stop the other cerebro-conn (one stopped with Ctrl-Z holds it "
                    + "too; 'fuser \(shellQuoted(path))' names it), then try again"
            )
        case .newerFormat(let path, let version):
            Message(
                "\(path): format version \(version) is newer than this cerebro-conn reads",
                hint: "use a newer cerebro-conn for this preset"
            )
        case .fileSystem(let path, let operation, let error):
            Message(
                "\(path): cannot \(verb(for: operation)): \(error.reason)",
                hint: hint(path: path, operation: operation, error: error)
            )
        case .folderNotSearchable(let path):
            Message(
                "\(path): cannot enter the folder: permission denied",
                hint: "you need search (x) permission on it: if it is yours, run "
                    + "'chmod 700 \(shellQuoted(path))'; else " + elsewhere
            )
        case .notAFolder(let path):
            Message(
                "\(path) is not a folder",
                hint: "cerebro-conn keeps its presets in a folder at this path: move what is "
                    + "there out of the way, or " + elsewhere
            )
        case .notAPresetFile(let path, let kind):
            Message(
                "\(path) is \(description(of: kind)), not a preset file",
                hint: "a preset is a regular JSON file: move it out of \(folder(of: path)), "
                    + "or delete it by hand if it is not needed"
            )
        case .encodingFailed(let name, let reason):
            Message(
                "cannot encode preset '\(name)': \(reason)",
                hint: "please report this as a bug"
            )
        }
    }

    private static let elsewhere = "choose another configuration folder with --config"

    private static func verb(for operation: FileOperation) -> String {
        switch operation {
        case .listFolder: "read the folder"
        case .openFolder: "open the folder"
        case .createFolder: "create the folder"
        case .writeIntoFolder: "write into the folder"
        case .lock: "use the lock file"
        case .read: "read"
        case .write: "write"
        case .create: "create"
        case .replace: "replace"
        case .remove: "remove"
        }
    }

    /// The fix for a failed system call: by its `errno`, and for permissions by whether the
    /// folder's modes or the file's decide.
    private static func hint(
        path: String,
        operation: FileOperation,
        error: SystemError
    ) -> String? {
        let folder = operation.isOnFolder ? path : folder(of: path)
        if error.isOutOfSpace {
            return "the disk that holds \(folder) is full (or your quota on it is used up): "
                + "free some space, then run the command again; no preset was changed"
        }
        if error.isReadOnlyFileSystem {
            return "\(folder) is on a file system mounted read-only: remount it read-write, "
                + "or keep the presets elsewhere with --config or CEREBRO_CONN_HOME"
        }
        // The lock file is opened without following links, so a link there fails with ELOOP
        // and a folder with EISDIR; either way it is not the store's own file.
        if operation == .lock, error.isNotARegularFile {
            return "the lock file must be a regular file: remove \(shellQuoted(path)) "
                + "(cerebro-conn makes it again), then run the command again"
        }
        guard error.isPermissionDenied else {
            return nil
        }
        switch operation {
        case .read, .write, .lock:
            return "check that you own \(path) and may read and write it (preset files are "
                + "0600), or " + elsewhere
        case .openFolder:
            return "a change needs read, write and search permission on the folder: if it is "
                + "yours, run 'chmod 700 \(shellQuoted(folder))'; else " + elsewhere
        default:
            return "you need read, write and search permission on \(folder): if it is yours, "
                + "run 'chmod 700 \(shellQuoted(folder))'; else " + elsewhere
        }
    }

    private static func description(of kind: FileKind) -> String {
        switch kind {
        case .folder: "a folder"
        case .namedPipe: "a named pipe (FIFO)"
        case .device: "a device"
        case .socket: "a socket"
        case .other: "a special file"
        }
    }
}
