import Foundation

/// A unique folder under the system's temporary folder, removed when the value is released.
final class TemporaryFolder {
    /// The folder's absolute path.
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        path = "\(base)/cerebro-conn-tests-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Creates the files named (paths relative to the folder), with `contents`.
    func touch(_ relativePaths: [String], contents: String = "x") {
        for relative in relativePaths {
            let full = "\(path)/\(relative)"
            let parent = (full as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(
                atPath: parent,
                withIntermediateDirectories: true
            )
            _ = FileManager.default.createFile(atPath: full, contents: Data(contents.utf8))
        }
    }

    /// Creates an empty folder (relative path).
    func makeFolder(_ relative: String) {
        try? FileManager.default.createDirectory(
            atPath: "\(path)/\(relative)",
            withIntermediateDirectories: true
        )
    }
}
