import Foundation
import Testing

@testable import CerebroConn

/// The repository's `presets/` folder holds valid presets in the storage format.
struct ExamplePresetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("presets")
        .path

    @Test func everyExampleLoads() throws {
        let store = PresetStore(
            configurationDirectory: (Self.folder as NSString).deletingLastPathComponent
        )
        let names = try store.names()

        #expect(names == ["partner", "staging", "studio"])
        for name in names {
            let preset = try store.load(named: name)
            #expect(preset.name == name)
            #expect(preset.sslRequired)
        }
        #expect(
            try store.load(named: "partner").hosts == ["db.partner.example", "db2.partner.example"]
        )
    }
}
