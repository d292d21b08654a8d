import Foundation
import Testing

@testable import CerebroConn

#if canImport(Glibc)
    import Glibc
#endif

struct PresetStoreTests {
    let scratch = TemporaryFolder()
    var store: PresetStore { PresetStore(configurationDirectory: scratch.path + "/config") }

    @Test func createThenLoadRoundTrips() throws {
        let preset = Preset(
            name: "prod:eu",
            host: "db.example.test",
            port: 6432,
            database: "memoria",
            user: "alice",
            sslRequired: true,
            verification: .ca,
            certificateFolder: "/certs/eu",
            connectTimeout: 7
        )
        try store.create(preset)

        #expect(try store.load(named: "prod:eu") == preset)
        #expect(try store.names() == ["prod:eu"])
    }

    @Test func filesAre0600InA0700Folder() throws {
        try store.create(Preset(name: "a", host: "h", user: "u"))

        #expect(try mode(of: store.directory) == 0o700)
        #expect(try mode(of: store.path(for: "a")) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory)
        #expect(leftovers == ["a.json"])
    }

    @Test func secondCreateFailsAndKeepsTheFirst() throws {
        try store.create(Preset(name: "a", host: "first", user: "u"))

        #expect(throws: PresetError.alreadyExists(name: "a", path: store.path(for: "a"))) {
            try store.create(Preset(name: "a", host: "second", user: "u"))
        }
        #expect(try store.load(named: "a").host == "first")
    }

    @Test func unknownFieldsSurviveARewrite() throws {
        try FileManager.default.createDirectory(
            atPath: store.directory,
            withIntermediateDirectories: true
        )
        let text = """
            {"format_version": 1, "name": "a", "host": "h", "port": 5432, "database": "memoria",
             "user": "u", "ssl_required": false, "verify": "full", "connect_timeout": 10,
             "rpc_url": "https://example.test/rpc", "tags": ["x", 2, true, null]}
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.path(for: "a")))

        try store.update(named: "a") { $0.port = 6000 }

        let reread = try store.load(named: "a")
        #expect(reread.port == 6000)
        #expect(reread.unknownFields["rpc_url"] == .string("https://example.test/rpc"))
        #expect(
            reread.unknownFields["tags"] == .array([.string("x"), .number(2), .bool(true), .null])
        )
    }

    @Test func damagedFileIsReportedWithItsPositionAndOthersKeepWorking() throws {
        try store.create(Preset(name: "good", host: "h", user: "u"))
        let broken = store.path(for: "broken")
        try Data("{\n  \"name\": \"broken\",\n  \"host\" \"h\"\n}\n".utf8).write(
            to: URL(fileURLWithPath: broken)
        )

        let all = try store.loadAll()

        #expect(all.count == 2)
        #expect(try store.load(named: "good").host == "h")
        guard case .failure(.damaged(let path, let position, let reason)) = all[0] else {
            Issue.record("expected the broken file to fail, got \(all[0])")
            return
        }
        #expect(path == broken)
        #expect(position == "line 3, column 12")
        #expect(reason == "not valid JSON (':' expected)")
        #expect(throws: PresetError.self) {
            try store.update(named: "broken") { $0.host = "x" }
        }
        #expect(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: broken)), as: UTF8.self)
                .contains("\"host\" \"h\"")
        )
    }

    @Test func jsonThatIsNotAnObjectIsNamed() throws {
        try FileManager.default.createDirectory(
            atPath: store.directory,
            withIntermediateDirectories: true
        )
        for (name, text) in [("list", "[1, 2]"), ("text", "\"preset\""), ("none", "null")] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: store.path(for: name)))

            #expect(
                throws: PresetError.damaged(
                    path: store.path(for: name),
                    position: nil,
                    reason: "not a JSON object"
                )
            ) {
                try store.load(named: name)
            }
        }
    }

    /// Numbers in unknown fields, as written by hand, and the text a rewrite must give back:
    /// the same text, or another spelling of the very same value.
    static let numbersAndTheirRewrites: KeyValuePairs<String, String> = [
        "12345678901234567890": "12345678901234567890",
        "9007199254740993": "9007199254740993",
        "-9223372036854775809": "-9223372036854775809",
        "123456789012345678901234567890": "123456789012345678901234567890",
        "-42": "-42",
        "0": "0",
        "0.1": "0.1",
        "-1.5": "-1.5",
        "1.50": "1.5",
        "3.14159265358979323846": "3.14159265358979323846",
        "1e-7": "1e-07",
        "-2.5E-5": "-2.5e-05",
        "1e2": "100",
        "1e300": "1e+300",
        "-1.5e200": "-1.5e+200",
    ]

    @Test func nestedUnknownFieldsKeepEveryKindOfValue() throws {
        try FileManager.default.createDirectory(
            atPath: store.directory,
            withIntermediateDirectories: true
        )
        let numbers = Self.numbersAndTheirRewrites.enumerated().map { index, pair in
            "\"n\(index)\": \(pair.key)"
        }
        let text = """
            {"format_version": 1, "name": "a", "host": "h", "port": 5432, "database": "memoria",
             "user": "u", "ssl_required": true, "verify": "full", "connect_timeout": 10,
             "extra": {"on": false, "n": -1.5, "s": "1", "list": [{}, []], "gone": null},
             "numbers": {\(numbers.joined(separator: ", "))}}
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.path(for: "a")))

        let preset = try store.update(named: "a") { $0.port = 6000 }
        let rewritten = String(
            decoding: try Data(contentsOf: URL(fileURLWithPath: store.path(for: "a"))),
            as: UTF8.self
        )
        let reread = try store.load(named: "a")

        #expect(preset.sslRequired)
        #expect(
            reread.unknownFields["extra"]
                == .object([
                    "on": .bool(false), "n": .number(-1.5), "s": .string("1"),
                    "list": .array([.object([:]), .array([])]), "gone": .null,
                ])
        )
        guard case .object(let kept) = reread.unknownFields["numbers"] else {
            Issue.record("no numbers object in \(rewritten)")
            return
        }
        for (index, (written, expected)) in Self.numbersAndTheirRewrites.enumerated() {
            let line = "\"n\(index)\" : \(expected)"
            #expect(
                rewritten.contains(line + ",\n") || rewritten.contains(line + "\n"),
                "\(written) should be written back as \(expected)"
            )
            guard case .number(let number) = kept["n\(index)"] else {
                Issue.record("\(written) did not come back as a number")
                continue
            }
            #expect(number.description == expected)
        }
        #expect(reread.unknownFields == preset.unknownFields)
    }

    @Test func wrongFieldTypesAreNamed() throws {
        try FileManager.default.createDirectory(
            atPath: store.directory,
            withIntermediateDirectories: true
        )
        let text = #"{"format_version": 1, "name": "a", "host": "h", "port": "5432"}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.path(for: "a")))

        #expect(
            throws: PresetError.damaged(
                path: store.path(for: "a"),
                position: nil,
                reason: "field 'port' must be a whole number"
            )
        ) {
            try store.load(named: "a")
        }
    }

    @Test func newerFormatIsRefused() throws {
        try FileManager.default.createDirectory(
            atPath: store.directory,
            withIntermediateDirectories: true
        )
        try Data(#"{"format_version": 2}"#.utf8).write(
            to: URL(fileURLWithPath: store.path(for: "a"))
        )

        #expect(throws: PresetError.newerFormat(path: store.path(for: "a"), version: 2)) {
            try store.load(named: "a")
        }
    }

    @Test func renameMovesAndRefusesATakenName() throws {
        try store.create(Preset(name: "a", host: "h1", user: "u"))
        try store.create(Preset(name: "b", host: "h2", user: "u"))

        #expect(throws: PresetError.alreadyExists(name: "b", path: store.path(for: "b"))) {
            try store.rename("a", to: "b")
        }
        try store.rename("a", to: "c")

        #expect(try store.names() == ["b", "c"])
        #expect(try store.load(named: "c").host == "h1")
        #expect(try store.load(named: "c").name == "c")
    }

    @Test func removeWorksOnDamagedFilesAndReportsMissingOnes() throws {
        try FileManager.default.createDirectory(
            atPath: store.directory,
            withIntermediateDirectories: true
        )
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: store.path(for: "bad")))

        try store.remove(named: "bad")

        #expect(try store.names() == [])
        #expect(throws: PresetError.notFound(name: "bad", directory: store.directory)) {
            try store.remove(named: "bad")
        }
    }

    @Test func namesIgnoreTemporaryAndOtherFiles() throws {
        try store.create(Preset(name: "a", host: "h", user: "u"))
        _ = FileManager.default.createFile(
            atPath: store.directory + "/.tmp-1-2.json",
            contents: Data()
        )
        _ = FileManager.default.createFile(atPath: store.directory + "/notes.txt", contents: Data())

        #expect(try store.names() == ["a"])
    }

    @Test func invalidPresetIsNotStored() throws {
        #expect(throws: PresetError.self) {
            try store.create(Preset(name: "a", host: "db sslmode=disable", user: "u"))
        }
        #expect(try store.names() == [])
    }

    private func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }

    @Test func aLinkToNothingCanBeRemoved() throws {
        try store.create(Preset(name: "a", host: "h", user: "u"))
        try FileManager.default.createSymbolicLink(
            atPath: store.path(for: "dangling"),
            withDestinationPath: "/nonexistent/x.json"
        )

        #expect(try store.names() == ["a", "dangling"])
        try store.remove(named: "dangling")
        #expect(try store.names() == ["a"])
    }

    @Test func aFolderNamedLikeAPresetIsSaidToBeOne() throws {
        try FileManager.default.createDirectory(
            atPath: store.path(for: "dir"),
            withIntermediateDirectories: true
        )

        #expect(throws: PresetError.notAPresetFile(path: store.path(for: "dir"), kind: .folder)) {
            try store.load(named: "dir")
        }
    }

    @Test func aFileThatCannotBeReadIsNamedWithTheSystemsReason() throws {
        try store.create(Preset(name: "a", host: "h", user: "u"))
        // A link to itself: reading fails for root too, where mode 000 would not stop it.
        try FileManager.default.createSymbolicLink(
            atPath: store.path(for: "loop"),
            withDestinationPath: store.path(for: "loop")
        )

        #expect(
            throws: PresetError.fileSystem(
                path: store.path(for: "loop"),
                operation: .read,
                error: SystemError(code: ELOOP)
            )
        ) { try store.load(named: "loop") }
        #expect(try store.load(named: "a").host == "h")
    }

    @Test func anOpenPresetsFolderIsClosedOnWrite() throws {
        try FileManager.default.createDirectory(
            atPath: store.directory,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755]
        )

        try store.create(Preset(name: "a", host: "h", user: "u"))

        #expect(try mode(of: store.directory) == 0o700)
    }

    @Test func aChangeToAMissingPresetMakesNoFolder() throws {
        #expect(throws: PresetError.notFound(name: "a", directory: store.directory)) {
            try store.update(named: "a") { $0.port = 1 }
        }
        #expect(throws: PresetError.notFound(name: "a", directory: store.directory)) {
            try store.rename("a", to: "b")
        }
        #expect(throws: PresetError.notFound(name: "a", directory: store.directory)) {
            try store.remove(named: "a")
        }
        #expect(!FileManager.default.fileExists(atPath: store.directory))
    }

    @Test func anUpdateChangesOnlyWhatTheClosureChanges() throws {
        try store.create(Preset(name: "a", host: "h", port: 6000, user: "u"))

        let written = try store.update(named: "a") {
            $0.database = "other"
            $0.name = "renamed"
        }

        #expect(written.name == "a")
        #expect(try store.load(named: "a") == written)
        #expect(written.port == 6000)
        #expect(written.database == "other")
        #expect(try store.names() == ["a"])
    }

    @Test func theLockFileIsPrivateAndIsNoPreset() throws {
        try store.create(Preset(name: "a", host: "h", user: "u"))

        try store.update(named: "a") { $0.port = 7000 }

        #expect(try mode(of: store.directory + "/.lock") == 0o600)
        #expect(try store.names() == ["a"])
        let files = try FileManager.default.contentsOfDirectory(atPath: store.directory)
        #expect(files.sorted() == [".lock", "a.json"])
    }

    @Test func aRenameThatLosesChangesNothing() throws {
        try store.create(Preset(name: "a", host: "h1", user: "u"))
        try store.create(Preset(name: "b", host: "h2", user: "u"))

        #expect(throws: PresetError.notFound(name: "gone", directory: store.directory)) {
            try store.rename("gone", to: "c")
        }
        #expect(throws: PresetError.alreadyExists(name: "b", path: store.path(for: "b"))) {
            try store.rename("a", to: "b")
        }

        #expect(try store.names() == ["a", "b"])
        #expect(try store.load(named: "a").host == "h1")
        #expect(try store.load(named: "b").host == "h2")
    }

    @Test func removeLeavesAFolderAndSaysWhatItIs() throws {
        try FileManager.default.createDirectory(
            atPath: store.path(for: "dir"),
            withIntermediateDirectories: true
        )

        #expect(throws: PresetError.notAPresetFile(path: store.path(for: "dir"), kind: .folder)) {
            try store.remove(named: "dir")
        }
        #expect(FileManager.default.fileExists(atPath: store.path(for: "dir")))
    }

    /// A pipe with no writer would block a plain read, and a device never ends: neither is read.
    @Test func aPipeOrADeviceIsNotReadAsAPreset() throws {
        try store.create(Preset(name: "a", host: "h", user: "u"))
        #expect(mkfifo(store.path(for: "pipe"), 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: store.path(for: "zero"),
            withDestinationPath: "/dev/zero"
        )

        #expect(throws: PresetError.notAPresetFile(path: store.path(for: "pipe"), kind: .namedPipe))
        {
            try store.load(named: "pipe")
        }
        #expect(throws: PresetError.notAPresetFile(path: store.path(for: "zero"), kind: .device)) {
            try store.load(named: "zero")
        }
        try store.remove(named: "pipe")
        #expect(try store.names() == ["a", "zero"])
    }

    @Test func aFileWhereAFolderShouldBeIsNamed() throws {
        try FileManager.default.createDirectory(
            atPath: scratch.path + "/config",
            withIntermediateDirectories: true
        )
        _ = FileManager.default.createFile(atPath: store.directory, contents: Data())
        let preset = Preset(name: "a", host: "h", user: "u")

        #expect(throws: PresetError.notAFolder(path: store.directory)) { try store.names() }
        #expect(throws: PresetError.notAFolder(path: store.directory)) {
            try store.load(named: "a")
        }
        #expect(throws: PresetError.notAFolder(path: store.directory)) { try store.create(preset) }
        #expect(throws: PresetError.notAFolder(path: store.directory)) {
            try store.update(named: "a") { $0.port = 1 }
        }

        let inside = PresetStore(configurationDirectory: store.directory + "/deeper")
        #expect(throws: PresetError.notAFolder(path: store.directory)) { try inside.create(preset) }
    }

    /// A lock another process holds is waited for, with word to the caller, up to the store's
    /// time-out; then the change fails and the file is as it was.
    @Test func aHeldLockIsAnnouncedAndEndsInAnError() throws {
        try store.create(Preset(name: "p", host: "h", user: "u"))
        try store.update(named: "p") { $0.port = 1 }
        // A second open file description conflicts under flock even in this process, as
        // another process's would.
        let holder = open(store.directory + "/.lock", O_RDWR)
        #expect(holder >= 0)
        #expect(flock(holder, LOCK_EX) == 0)
        let waited = LockWaits()
        var patient = store
        patient.lockTimeout = .milliseconds(300)
        patient.onLockWait = { waited.add($0) }

        #expect(throws: PresetError.lockHeld(path: store.directory + "/.lock", seconds: 0)) {
            try patient.update(named: "p") { $0.port = 2 }
        }
        #expect(waited.paths == [store.directory + "/.lock"])
        #expect(try store.load(named: "p").port == 1)

        close(holder)
        try patient.update(named: "p") { $0.port = 3 }
        #expect(try store.load(named: "p").port == 3)
        #expect(waited.paths.count == 1)
    }

    /// A damaged file's error points at the line and column and never quotes the file: what
    /// stands there may be a password typed in by hand.
    @Test func aDamagedFileIsNeverQuoted() throws {
        try FileManager.default.createDirectory(
            atPath: store.directory,
            withIntermediateDirectories: true
        )
        let path = store.directory + "/pl.json"
        let text = #"{"format_version":1,"name":"pl","password":"Hunter2secret"# + "\n}"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))

        #expect(
            throws: PresetError.damaged(
                path: path,
                position: "line 1, column 57",
                reason: "not valid JSON (unexpected newline)"
            )
        ) {
            try store.load(named: "pl")
        }
    }
}

/// The lock paths a store reported waiting on.
final class LockWaits: @unchecked Sendable {
    // Written from the store's callback on the calling thread only; the lock keeps the
    // class honest if that ever changes.
    private let lock = NSLock()
    private var recorded: [String] = []

    var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func add(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        recorded.append(path)
    }
}
