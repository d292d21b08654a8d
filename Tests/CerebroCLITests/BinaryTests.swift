import Foundation
import Testing

/// The built binary, run as a child process: main.swift wiring, exit codes, many writers.
///
/// The races are run several times each and asserted on outcomes only, never on timing: a
/// lost or doubled change fails whichever way the processes interleave.
struct BinaryTests {
    let scratch = Scratch()

    @Test func exitCodesReachTheShell() throws {
        let usage = try ToolHarness.runBinary(
            ["list", "--bogus"],
            environment: scratch.environment
        )
        let missing = try ToolHarness.runBinary(["show", "nope"], environment: scratch.environment)
        let fine = try ToolHarness.runBinary(["list"], environment: scratch.environment)

        #expect(usage.status == 64)
        #expect(missing.status == 1)
        #expect(fine.status == 0)
        #expect(usage.out == "")
    }

    /// Twenty processes add at once: every preset is there afterwards, each file whole.
    @Test func twentyConcurrentAddsLoseNothing() async throws {
        let environment = scratch.environment
        let results = try await Self.statuses(of: 20, environment) {
            ["add", "p\($0)", "--host", "h\($0)"]
        }

        #expect(results == Array(repeating: 0, count: 20))
        let listed = try ToolHarness.runBinary(["list", "--json"], environment: environment)
        #expect(listed.status == 0)
        for index in 0..<20 {
            #expect(listed.out.contains("\"host\" : \"h\(index)\""))
        }
    }

    /// Twenty processes create one name at once: exactly one wins, the rest are told it exists.
    @Test func concurrentCreatesOfOneNameHaveOneWinner() async throws {
        let environment = scratch.environment
        let results = try await Self.statuses(of: 20, environment) {
            ["add", "same", "--host", "h\($0)"]
        }

        #expect(results.filter { $0 == 0 }.count == 1)
        #expect(results.filter { $0 == 1 }.count == 19)
        let files = try FileManager.default.contentsOfDirectory(
            atPath: scratch.path + "/config/presets"
        )
        #expect(files == ["same.json"])
    }

    /// Two edits of different fields at once, ten times: both report success, and both
    /// changes are in the file, whichever process wrote last.
    @Test func concurrentEditsOfDifferentFieldsKeepBoth() async throws {
        let environment = scratch.environment
        for round in 0..<10 {
            let name = "p\(round)"
            try #require(try Self.add(name, environment).status == 0)

            let edits = try await Self.outputs(
                environment,
                [
                    ["edit", name, "--port", "1111"], ["edit", name, "--db", "dbx"],
                ]
            )

            #expect(edits.map(\.status) == [0, 0], "\(edits.map(\.err))")
            let text = try presetText(name)
            #expect(text.contains("\"port\" : 1111"), "round \(round): \(text)")
            #expect(text.contains("\"database\" : \"dbx\""), "round \(round): \(text)")
        }
    }

    /// Two renames of one preset at once, ten times: one wins, the other is told the preset is
    /// gone, and one preset is left.
    @Test func concurrentRenamesOfOnePresetHaveOneWinner() async throws {
        let environment = scratch.environment
        for round in 0..<10 {
            let (old, first, second) = ("p\(round)", "b\(round)", "c\(round)")
            try #require(try Self.add(old, environment).status == 0)

            let renames = try await Self.outputs(
                environment,
                [
                    ["rename", old, first], ["rename", old, second],
                ]
            )

            let statuses = renames.map(\.status)
            #expect(statuses.sorted() == [0, 1], "round \(round): \(renames.map(\.err))")
            let loser = renames.first { $0.status == 1 }
            #expect(loser?.err.hasPrefix("error: no preset named '\(old)'") == true)
            let winner = statuses[0] == 0 ? first : second
            #expect(
                try presetFiles().filter { $0.hasSuffix("\(round).json") } == ["\(winner).json"]
            )
        }
    }

    /// A rename and an edit of one preset at once, ten times: the rename wins either way, and
    /// the edit is either in the renamed file or refused because the preset is gone.
    @Test func anEditRacingARenameIsKeptOrRefused() async throws {
        let environment = scratch.environment
        for round in 0..<10 {
            let (old, new) = ("p\(round)", "r\(round)")
            try #require(try Self.add(old, environment).status == 0)

            let runs = try await Self.outputs(
                environment,
                [
                    ["rename", old, new], ["edit", old, "--port", "2222"],
                ]
            )

            let (rename, edit) = (runs[0], runs[1])
            #expect(rename.status == 0, "\(rename.err)")
            #expect(try presetFiles().filter { $0.hasSuffix("\(round).json") } == ["\(new).json"])
            let edited = try presetText(new).contains("\"port\" : 2222")
            if edit.status == 0 {
                #expect(edited, "round \(round): the edit was reported saved but is not in \(new)")
            } else {
                #expect(edit.status == 1)
                #expect(edit.err.hasPrefix("error: no preset named '\(old)'"), "\(edit.err)")
                #expect(!edited)
            }
        }
    }

    private var presetsFolder: String { scratch.path + "/config/presets" }

    private func presetText(_ name: String) throws -> String {
        try String(contentsOfFile: presetsFolder + "/\(name).json", encoding: .utf8)
    }

    private func presetFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: presetsFolder)
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    private static func add(_ name: String, _ environment: [String: String]) throws -> ToolOutput {
        try ToolHarness.runBinary(["add", name, "--host", "h", "-q"], environment: environment)
    }

    /// Runs one process per argument list, all at once; the outputs come back in that order.
    private static func outputs(
        _ environment: [String: String],
        _ argumentLists: [[String]]
    ) async throws -> [ToolOutput] {
        try await withThrowingTaskGroup(of: (Int, ToolOutput).self) { group in
            for (index, arguments) in argumentLists.enumerated() {
                group.addTask {
                    (index, try ToolHarness.runBinary(arguments, environment: environment))
                }
            }
            let finished = try await group.reduce(into: []) { $0.append($1) }
            return finished.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Runs `count` processes at once, the i-th with `arguments(i)`, and returns their statuses.
    private static func statuses(
        of count: Int,
        _ environment: [String: String],
        _ arguments: @escaping @Sendable (Int) -> [String]
    ) async throws -> [Int32] {
        try await withThrowingTaskGroup(of: Int32.self) { group in
            for index in 0..<count {
                group.addTask {
                    try ToolHarness.runBinary(arguments(index), environment: environment).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }
}
