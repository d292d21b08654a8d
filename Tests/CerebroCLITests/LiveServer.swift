import Foundation
import Testing

/// The SSL PostgreSQL server that `scripts/test` starts, as its environment describes it.
struct LiveServer {
    var port: String
    var sets: String
    var pki: String
    var unnamedHost: String

    /// The server, or a recorded failure saying how to start it.
    ///
    /// Tests never pass without it.
    static func require() throws -> LiveServer {
        let environment = ProcessInfo.processInfo.environment
        guard let port = environment["CEREBRO_TEST_PG_PORT"],
            let sets = environment["CEREBRO_TEST_PG_SETS"],
            let pki = environment["CEREBRO_TEST_PG_PKI"]
        else {
            Issue.record(
                "no test server: run scripts/test, which starts it and sets CEREBRO_TEST_PG_*"
            )
            throw MissingServer()
        }
        return LiveServer(
            port: port,
            sets: sets,
            pki: pki,
            unnamedHost: environment["CEREBRO_TEST_PG_UNNAMED_HOST"] ?? "127.0.0.2"
        )
    }

    /// Copies a fixture set into `folder` (created), keeping the key at 0600.
    func copySet(_ name: String, to folder: String, only files: [String]? = nil) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in try manager.contentsOfDirectory(atPath: "\(sets)/\(name)") {
            if let files, !files.contains(file) {
                continue
            }
            try manager.copyItem(atPath: "\(sets)/\(name)/\(file)", toPath: "\(folder)/\(file)")
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: "\(folder)/\(file)")
        }
    }

    /// A port on 127.0.0.1 with nothing listening: bound once, then released.
    static func freePort() -> String {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(socket, $0, &length)
            }
        }
        return String(UInt16(bigEndian: address.sin_port))
    }
}

struct MissingServer: Error {}
