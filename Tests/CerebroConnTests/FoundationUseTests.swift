import Foundation
import Testing

@testable import CerebroConn

/// What the tool links and how it names folders: the test path stays on FoundationEssentials.
struct FoundationUseTests {
    /// The `Sources` folder of this package.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// The files allowed to import all of Foundation, each for a reason its header states.
    static let allowed: Set<String> = []

    /// Full Foundation brings CoreFoundation and ICU into the binary: more memory and start-up
    /// time for every run, which `scripts/bench` measures; only the files above may use it.
    @Test func sourcesImportFoundationOnlyWhereFoundationEssentialsIsMissing() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
        var offenders: [String] = []
        for case let file as String in files
        where file.hasSuffix(".swift") && !Self.allowed.contains(file) {
            let text = try String(
                contentsOf: Self.sources.appendingPathComponent(file),
                encoding: .utf8
            )
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated()
            where line.trimmingCharacters(in: .whitespaces).hasSuffix("import Foundation") {
                let previous = number > 0 ? lines[number - 1] : ""
                if !previous.trimmingCharacters(in: .whitespaces).hasPrefix("#else") {
                    offenders.append("\(file):\(number + 1)")
                }
            }
        }

        #expect(
            offenders.isEmpty,
            "import FoundationEssentials, falling back to Foundation only under #else: \(offenders)"
        )
    }

    @Test(arguments: [
        ("/a/b/c.json", "/a/b"), ("/a/b/", "/a"), ("/a", "/"), ("/", "/"), ("name", ""),
        ("a/b", "a"), ("//x", "/"),
    ])
    func folderOfAPathIsItsParent(path: String, folder: String) {
        #expect(FileCalls.folder(of: path) == folder)
    }
}
