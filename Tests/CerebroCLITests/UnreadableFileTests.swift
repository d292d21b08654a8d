import Foundation
import Testing

/// Folders and files the user may not read are named with the system's own reason.
///
/// Root reads a mode-000 folder anyway, so under root (as `scripts/test` runs) the built binary
/// runs as `nobody` through `setpriv`; any other user is stopped by mode 000 as it is.
@Suite struct UnreadableFileTests {
    let scratch = Scratch()

    @Test func aCertificateFolderThatCannotBeListedSaysWhy() throws {
        let user = try UnprivilegedUser(in: scratch)
        let locked = user.home + "/locked"
        try FileManager.default.createDirectory(
            atPath: locked,
            withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o000]
        )
        let add = try user.run(["add", "x", "--host", "h", "--ssl", "--certdir", locked])
        #expect(add.status == 0, "\(add.error)")

        let certs = try user.run(["certs", "x"])

        #expect(certs.status == 1)
        #expect(
            certs.error.contains(
                "error: certificate folder \(locked) cannot be read: permission denied\n"
            ),
            "\(certs.error)"
        )
    }

    @Test func aPresetFileThatCannotBeReadSaysWhy() throws {
        let user = try UnprivilegedUser(in: scratch)
        let add = try user.run(["add", "x", "--host", "h"])
        #expect(add.status == 0, "\(add.error)")
        let file = user.home + "/config/presets/x.json"
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file)

        let show = try user.run(["show", "x"])

        #expect(show.status == 1)
        #expect(
            show.error.hasPrefix("error: \(file): cannot read: permission denied\n"),
            "\(show.error)"
        )
    }

    /// In a presets folder that can be written but not read (0300), a change cannot sync the
    /// folder: it fails before anything is written, and says so.
    @Test func aChangeInAFolderWithoutReadPermissionFailsBeforeWriting() throws {
        let user = try UnprivilegedUser(in: scratch)
        let add = try user.run(["add", "nb", "--host", "h"])
        #expect(add.status == 0, "\(add.error)")
        let presets = user.home + "/config/presets"
        try setMode(0o300, presets)
        defer { try? setMode(0o700, presets) }

        for change in [
            ["add", "w3", "--host", "h"], ["edit", "nb", "--port", "77"], ["rename", "nb", "nb3"],
            ["remove", "nb"],
        ] {
            let run = try user.run(change)

            #expect(run.status == 1, "\(change)")
            #expect(
                run.error.hasPrefix(
                    "error: \(presets): cannot open the folder: permission denied\n"
                ),
                "\(change): \(run.error)"
            )
            #expect(run.error.contains("chmod 700 \(presets)"), "\(run.error)")
        }
        try setMode(0o700, presets)
        #expect(try FileManager.default.contentsOfDirectory(atPath: presets) == ["nb.json"])
        let text = try String(contentsOfFile: presets + "/nb.json", encoding: .utf8)
        #expect(text.contains("\"port\" : 5432"))
    }

    /// A presets folder that cannot be entered is named as such, by every command, and is not
    /// mistaken for a missing preset.
    @Test func aPresetsFolderThatCannotBeEnteredIsNamed() throws {
        let user = try UnprivilegedUser(in: scratch)
        let add = try user.run(["add", "nb", "--host", "h"])
        #expect(add.status == 0, "\(add.error)")
        let presets = user.home + "/config/presets"
        try setMode(0o000, presets)
        defer { try? setMode(0o700, presets) }

        let expected = "\(presets): cannot enter the folder: permission denied"
        for (command, status) in [(["show", "nb"], 1), (["test", "nb"], 3), (["list"], 1)] {
            let run = try user.run(command)

            #expect(run.status == Int32(status), "\(command): \(run.error)")
            #expect(run.error.contains(expected), "\(command): \(run.error)")
            #expect(!run.error.contains("no preset named"), "\(run.error)")
        }
    }

    /// A configuration folder that cannot be entered is named, not called impossible to create.
    @Test func aConfigurationFolderThatCannotBeEnteredIsNamed() throws {
        let user = try UnprivilegedUser(in: scratch)
        let add = try user.run(["add", "nb", "--host", "h"])
        #expect(add.status == 0, "\(add.error)")
        let configuration = user.home + "/config"
        try setMode(0o000, configuration)
        defer { try? setMode(0o700, configuration) }

        let run = try user.run(["add", "z", "--host", "h"])

        #expect(run.status == 1)
        #expect(
            run.error.hasPrefix(
                "error: \(configuration): cannot enter the folder: permission denied\n"
            ),
            "\(run.error)"
        )
    }

    private func setMode(_ mode: Int, _ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}

/// The built binary, run as a user that file modes apply to: `nobody` under root, else the
/// current user.
struct UnprivilegedUser {
    /// A home folder the user owns, holding the configuration folder.
    let home: String
    private let binary: String

    init(in scratch: Scratch) throws {
        home = scratch.path + "/user"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        // A copy inside the scratch folder, so that `nobody` can run it wherever the
        // repository is checked out. `cp` makes it, not this process: a child spawned by
        // another test while this process held the copy open for writing would keep it open,
        // and running the copy would then fail with "text file busy".
        binary = scratch.path + "/cerebro-conn"
        let copy = try Subprocess.run("/bin/cp", [ToolHarness.binary, binary])
        guard copy.status == 0 else {
            throw MissingToolError(description: "cannot copy the binary: \(copy.error)")
        }
        if getuid() == 0 {
            try FileManager.default.setAttributes(
                [.ownerAccountID: Int(Self.nobody), .groupOwnerAccountID: Int(Self.nobody)],
                ofItemAtPath: home
            )
        }
    }

    /// The uid and gid of `nobody`.
    static let nobody: UInt32 = 65534

    /// The configuration folder, inside `home`.
    var config: String { home + "/config" }

    /// Runs the binary with `arguments`, with home and configuration in `home`.
    func run(_ arguments: [String]) throws -> SubprocessResult {
        let environment = [
            "HOME": home, "CEREBRO_CONN_HOME": home + "/config",
            "CEREBRO_HOME": home + "/install", "PATH": "/usr/bin:/bin",
        ]
        guard getuid() == 0 else {
            return try Subprocess.run(binary, arguments, in: home, environment: environment)
        }
        let user = ["--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups"]
        return try Subprocess.run(
            "/usr/bin/setpriv",
            user + ["--", binary] + arguments,
            in: home,
            environment: environment
        )
    }

    /// Runs the binary and throws unless it succeeds.
    func expectSuccess(_ arguments: [String]) throws {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw CommandError(command: arguments.joined(separator: " "), message: result.error)
        }
    }
}
