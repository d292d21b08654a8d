import Foundation
import Testing

@testable import CerebroCLI
@testable import CerebroConn

/// One store failure and the words the user sees for it: what happened, and the fix.
struct StoreMessageCase: Sendable, CustomTestStringConvertible {
    var label: String
    var error: PresetError
    var text: String
    var hint: String
    var testDescription: String { label }
}

/// Every store failure names the file or folder at fault and says how to fix it.
@Suite struct StoreMessageTests {
    static let folder = "/cfg/presets"
    static let file = folder + "/p.json"

    static let cases: [StoreMessageCase] = [
        StoreMessageCase(
            label: "full disk while writing",
            error: .fileSystem(path: file, operation: .write, error: SystemError(code: ENOSPC)),
            text: "\(file): cannot write: no space left on device",
            hint: "the disk that holds \(folder) is full"
        ),
        StoreMessageCase(
            label: "quota used up while making the temporary file",
            error: .fileSystem(
                path: folder,
                operation: .writeIntoFolder,
                error: SystemError(code: EDQUOT)
            ),
            text: "\(folder): cannot write into the folder: disk quota exceeded",
            hint: "the disk that holds \(folder) is full (or your quota on it is used up)"
        ),
        StoreMessageCase(
            label: "read-only file system",
            error: .fileSystem(
                path: folder,
                operation: .writeIntoFolder,
                error: SystemError(code: EROFS)
            ),
            text: "\(folder): cannot write into the folder: read-only file system",
            hint: "\(folder) is on a file system mounted read-only: remount it read-write, "
                + "or keep the presets elsewhere with --config or CEREBRO_CONN_HOME"
        ),
        StoreMessageCase(
            label: "folder without read permission",
            error: .fileSystem(
                path: folder,
                operation: .openFolder,
                error: SystemError(code: EACCES)
            ),
            text: "\(folder): cannot open the folder: permission denied",
            hint: "run 'chmod 700 \(folder)'"
        ),
        StoreMessageCase(
            label: "unreadable preset file",
            error: .fileSystem(path: file, operation: .read, error: SystemError(code: EACCES)),
            text: "\(file): cannot read: permission denied",
            hint: "check that you own \(file) and may read and write it"
        ),
        StoreMessageCase(
            label: "folder without write permission",
            error: .fileSystem(path: file, operation: .remove, error: SystemError(code: EACCES)),
            text: "\(file): cannot remove: permission denied",
            hint: "you need read, write and search permission on \(folder)"
        ),
        StoreMessageCase(
            label: "folder that cannot be entered",
            error: .folderNotSearchable(path: "/cfg"),
            text: "/cfg: cannot enter the folder: permission denied",
            hint: "run 'chmod 700 /cfg'"
        ),
        StoreMessageCase(
            label: "a file where the presets folder should be",
            error: .notAFolder(path: folder),
            text: "\(folder) is not a folder",
            hint: "move what is there out of the way, or choose another configuration folder"
        ),
        StoreMessageCase(
            label: "a folder with a preset's name",
            error: .notAPresetFile(path: file, kind: .folder),
            text: "\(file) is a folder, not a preset file",
            hint: "move it out of \(folder), or delete it by hand"
        ),
        StoreMessageCase(
            label: "a named pipe with a preset's name",
            error: .notAPresetFile(path: file, kind: .namedPipe),
            text: "\(file) is a named pipe (FIFO), not a preset file",
            hint: "a preset is a regular JSON file"
        ),
    ]

    @Test(arguments: cases)
    func theMessageNamesTheProblemAndTheFix(_ entry: StoreMessageCase) {
        let message = ErrorMessages.message(for: entry.error)

        #expect(message.text == entry.text)
        #expect(message.hint?.contains(entry.hint) == true, "\(message.hint ?? "no hint")")
    }

    @Test func removeOfAFolderSaysItIsOneAndKeepsIt() throws {
        let scratch = Scratch()
        let folder = scratch.path + "/config/presets/dir.json"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        let run = ToolHarness.run(["remove", "dir"], environment: scratch.environment)

        #expect(run.status == 1)
        #expect(
            run.err.hasPrefix("error: \(folder) is a folder, not a preset file\n"),
            "\(run.err)"
        )
        #expect(run.err.contains("hint: a preset is a regular JSON file"))
        #expect(FileManager.default.fileExists(atPath: folder))
    }

    @Test func aPresetsFolderThatIsAFileIsNamedWithTheFix() throws {
        let scratch = Scratch()
        let configuration = scratch.path + "/config"
        try FileManager.default.createDirectory(
            atPath: configuration,
            withIntermediateDirectories: true
        )
        _ = FileManager.default.createFile(atPath: configuration + "/presets", contents: Data())

        let list = ToolHarness.run(["list"], environment: scratch.environment)
        let add = ToolHarness.run(["add", "a", "--host", "h"], environment: scratch.environment)

        for run in [list, add] {
            #expect(run.status == 1)
            #expect(
                run.err.hasPrefix("error: \(configuration)/presets is not a folder\n"),
                "\(run.err)"
            )
            #expect(run.err.contains("--config"))
        }
    }
}
