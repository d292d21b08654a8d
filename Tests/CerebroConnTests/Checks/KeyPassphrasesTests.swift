import CerebroConn
import Dispatch
import Foundation
import Synchronization
import Testing

/// Each key's passphrase is obtained once per run, even when many checks ask at once.
@Suite struct KeyPassphrasesTests {
    @Test func eachKeyPathIsAskedForOnce() {
        let asked = Mutex<[String]>([])
        let passphrases = KeyPassphrases { path in
            asked.withLock { $0.append(path) }
            return .success("secret for \(path)")
        }

        let answers = ["/a/client.key", "/b/client.key", "/a/client.key", "/b/client.key"].map {
            passphrases.passphrase(forKeyAt: $0)
        }

        #expect(asked.withLock { $0 } == ["/a/client.key", "/b/client.key"])
        #expect(
            answers.map { try? $0.get() } == [
                "secret for /a/client.key", "secret for /b/client.key", "secret for /a/client.key",
                "secret for /b/client.key",
            ]
        )
    }

    @Test func concurrentChecksOfOneKeyAskOnce() {
        let count = Mutex(0)
        let passphrases = KeyPassphrases { _ in
            count.withLock { $0 += 1 }
            Thread.sleep(forTimeInterval: 0.05)
            return .success("s")
        }

        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            _ = passphrases.passphrase(forKeyAt: "/k/client.key")
        }

        #expect(count.withLock { $0 } == 1)
    }

    @Test func aRefusalIsKeptToo() {
        let count = Mutex(0)
        let passphrases = KeyPassphrases { path in
            count.withLock { $0 += 1 }
            return .failure(.notAnswered(keyPath: path))
        }

        _ = passphrases.passphrase(forKeyAt: "/k/client.key")
        let second = passphrases.passphrase(forKeyAt: "/k/client.key")

        #expect(second == .failure(.notAnswered(keyPath: "/k/client.key")))
        #expect(count.withLock { $0 } == 1)
    }

    @Test func noneSaysAPassphraseIsRequired() {
        #expect(
            KeyPassphrases.none.passphrase(forKeyAt: "/k/client.key")
                == .failure(.required(keyPath: "/k/client.key"))
        )
    }

    @Test func aBadFileIsRefusedBeforeAnyKeyNeedsIt() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/pass"
        try Data("s\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)

        #expect(throws: PassphraseProblem.fileTooOpen(path: path, mode: 0o644)) {
            try KeyPassphrases.file(path)
        }
    }
}
