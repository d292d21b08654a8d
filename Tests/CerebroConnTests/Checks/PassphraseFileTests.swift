import CerebroConn
import Foundation
import Testing

/// A passphrase file is read like a key: owner-only modes, first line only.
@Suite struct PassphraseFileTests {
    static let sentinel = "Sentinel-Passphrase-0b7e"
    let folder = TemporaryFolder()

    func write(_ text: String, mode: Int = 0o600) throws -> String {
        let path = folder.path + "/passphrase"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test(arguments: [0o600, 0o400, 0o700])
    func ownerOnlyModesAreRead(mode: Int) throws {
        let path = try write(Self.sentinel + "\n", mode: mode)

        #expect(try PassphraseFile.read(path: path).get() == Self.sentinel)
    }

    @Test(arguments: [0o640, 0o644, 0o604, 0o660])
    func modesOpenToOthersAreRefusedWithTheMode(mode: Int) throws {
        let path = try write(Self.sentinel, mode: mode)

        let result = PassphraseFile.read(path: path)

        #expect(result == .failure(.fileTooOpen(path: path, mode: mode)))
        #expect(!String(describing: result).contains(Self.sentinel))
    }

    @Test func onlyTheFirstLineCountsWithoutItsLineEnding() throws {
        let path = try write(Self.sentinel + " \r\nsecond line\n")

        #expect(try PassphraseFile.read(path: path).get() == Self.sentinel + " ")
    }

    @Test func emptyFileEmptyFirstLineMissingFileAndFolderAreProblems() throws {
        let blankFirst = try write("\nnot the first line\n")
        #expect(
            PassphraseFile.read(path: blankFirst) == .failure(.firstLineEmpty(path: blankFirst))
        )
        let empty = try write("")
        #expect(PassphraseFile.read(path: empty) == .failure(.fileEmpty(path: empty)))
        #expect(
            PassphraseFile.read(path: folder.path + "/none")
                == .failure(
                    .fileUnreadable(
                        path: folder.path + "/none",
                        reason: "no such file or directory"
                    )
                )
        )
        #expect(
            PassphraseFile.read(path: folder.path) == .failure(.notARegularFile(path: folder.path))
        )
    }
}
