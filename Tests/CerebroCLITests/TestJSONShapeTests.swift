import Foundation
import Testing

/// `test --json` keeps its shape at the edges: an empty run is still an array, and numbers are
/// numbers, as in `list --json`.
struct TestJSONShapeTests {
    @Test func allOverNoPresetsPrintsAnEmptyArrayAndSaysNothingWasTested() throws {
        let scratch = Scratch()

        let json = ToolHarness.run(["test", "--all", "--json"], environment: scratch.environment)
        let text = ToolHarness.run(["test", "--all"], environment: scratch.environment)

        let parsed = try JSONSerialization.jsonObject(with: Data(json.out.utf8))
        #expect((parsed as? [Any])?.isEmpty == true, "\(json.out)")
        let message =
            "error: no presets in \(scratch.path)/config/presets\n"
            + "  hint: create one with 'cerebro-conn add'\n"
        #expect(json.status == 3)
        #expect(json.err == message)
        #expect(text.status == 3)
        #expect(text.out == "")
        #expect(text.err == message)
    }

    @Test func portIsANumberAsInList() throws {
        let session = try LiveSession()
        try session.add("good", ["--ssl", "--certdir", session.set("good")])

        let tested = try session.run(["test", "good", "--json"])
        let listed = try session.run(["list", "--json"])

        #expect(tested.status == 0, "\(tested.err)")
        let test = try #require(try JSONObjects.parse(tested.out).first)
        let list = try #require(try JSONObjects.parse(listed.out).first)
        let port = try #require(Int(session.server.port))
        #expect(test["port"] as? Int == port)
        #expect(list["port"] as? Int == port)
        // A JSON number, not the text "31591", which `as? Int` would not accept either way.
        #expect(tested.out.contains("\"port\" : \(port),"))
    }
}
