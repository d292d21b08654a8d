import Foundation
import Testing

@testable import CerebroConn

/// A preset never holds a password: secret fields written by hand are named, never kept.
struct PresetSecretFieldTests {
    let scratch = TemporaryFolder()
    var store: PresetStore { PresetStore(configurationDirectory: scratch.path + "/config") }

    static let sentinel = "hunter2-sentinel"

    /// Writes preset `a` with the secret fields given, and a `passfile` path beside them.
    private func writePreset(secrets: [String]) throws {
        try FileManager.default.createDirectory(
            atPath: store.directory,
            withIntermediateDirectories: true
        )
        let fields = secrets.map { "\"\($0)\": \"\(Self.sentinel)\"" }.joined(separator: ", ")
        let text = """
            {"format_version": 1, "name": "a", "host": "h", "port": 5432, "database": "memoria",
             "user": "u", "ssl_required": false, "verify": "full", "connect_timeout": 10,
             "passfile": "/home/u/.pgpass", \(fields)}
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.path(for: "a")))
    }

    private func fileText(_ name: String) throws -> String {
        String(
            decoding: try Data(contentsOf: URL(fileURLWithPath: store.path(for: name))),
            as: UTF8.self
        )
    }

    @Test func secretFieldsAreNamedAndNotKept() throws {
        try writePreset(secrets: ["password", "SSLPassword", "PGPASSWORD", "passphrase"])

        let preset = try store.load(named: "a")

        #expect(preset.secretFields == ["PGPASSWORD", "SSLPassword", "passphrase", "password"])
        // A path to a password file is no secret: it stays, like any unknown field.
        #expect(Array(preset.unknownFields.keys) == ["passfile"])
    }

    @Test func anUpdateDropsThem() throws {
        try writePreset(secrets: ["password", "sslpassword"])

        try store.update(named: "a") { $0.port = 6000 }

        let text = try fileText("a")
        #expect(!text.contains(Self.sentinel))
        #expect(!text.contains("password\""))
        #expect(text.contains("\"passfile\" : \"/home/u/.pgpass\""))
        #expect(try store.load(named: "a").secretFields == [])
    }

    @Test func aRenameDropsThemAndSaysWhichWereThere() throws {
        try writePreset(secrets: ["password"])

        let renamed = try store.rename("a", to: "b")

        #expect(renamed.secretFields == ["password"])
        #expect(!(try fileText("b")).contains(Self.sentinel))
        #expect(try store.load(named: "b").secretFields == [])
    }

    @Test func aPresetMadeInCodeHasNone() throws {
        try store.create(Preset(name: "c", host: "h", user: "u"))

        #expect(try store.load(named: "c").secretFields == [])
    }
}
