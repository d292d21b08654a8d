import Foundation
import Testing

/// The built binary, run as a child process: main.swift wiring, exit codes, many writers.
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
