import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A relay on 127.0.0.1 in front of the fixture's server that declines SSL for it.
///
/// It answers a client's SSLRequest with 'N', as a server with `ssl = off` does, then passes
/// the startup packet and everything after it to the real server and back. The server sees a
/// plain connection from 127.0.0.1 and answers it with its own words (the fixture's pg_hba.conf
/// refuses it: "no encryption"). No byte is changed on the way.
final class SSLDecliningProxy {
    /// The port it listens on.
    let port: Int
    private let listener: SilentListener
    private let relays: Relays
    private let done = DispatchSemaphore(value: 0)

    /// Starts relaying to the server at 127.0.0.1:`serverPort`.
    init(serverPort: String) throws {
        guard let target = UInt16(serverPort) else {
            throw CommandError(command: "SSLDecliningProxy", message: "bad port \(serverPort)")
        }
        listener = try SilentListener()
        port = listener.port
        // The threads hold the relays and the descriptor, not the proxy, so that the proxy's
        // release stops them.
        let relays = Relays(serverPort: target)
        let descriptor = listener.descriptor
        let done = done
        self.relays = relays
        Thread {
            relays.acceptConnections(on: descriptor)
            done.signal()
        }.start()
    }

    deinit {
        shutdown(listener.descriptor, Int32(SHUT_RDWR))
        done.wait()
        relays.stop()
    }
}

/// The connections being relayed, shared by the proxy's threads.
private final class Relays: Sendable {
    let serverPort: UInt16
    private let open = Mutex<[Int32]>([])

    init(serverPort: UInt16) {
        self.serverPort = serverPort
    }

    /// Relays each connection on a thread of its own until the listener is shut down.
    func acceptConnections(on listener: Int32) {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                return
            }
            Thread { [self] in
                relay(client)
            }.start()
        }
    }

    /// Ends the relays still running; each thread closes its own sockets.
    func stop() {
        open.withLock { $0.forEach { shutdown($0, Int32(SHUT_RDWR)) } }
    }

    private func relay(_ client: Int32) {
        let server = connectToServer()
        open.withLock { $0 += [client, server] }
        defer {
            open.withLock { $0.removeAll { $0 == client || $0 == server } }
            close(client)
            if server >= 0 {
                close(server)
            }
        }
        guard server >= 0, var message = Wire.readStartupMessage(client) else {
            return
        }
        if Wire.isSSLRequest(message) {
            guard Wire.send(client, [UInt8(ascii: "N")]),
                let startup = Wire.readStartupMessage(client)
            else {
                return
            }
            message = startup
        }
        guard Wire.send(server, message) else {
            return
        }
        Wire.pipe(client, server)
    }

    private func connectToServer() -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else {
            return -1
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = serverPort.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            return -1
        }
        return socket
    }
}

/// Socket helpers for the startup phase of PostgreSQL's protocol.
private enum Wire {
    /// The SSLRequest code, 80877103, after the length.
    static let sslRequestCode: [UInt8] = [0x04, 0xD2, 0x16, 0x2F]

    static func isSSLRequest(_ message: [UInt8]) -> Bool {
        message.count == 8 && Array(message[4...]) == sslRequestCode
    }

    /// One length-prefixed message without a type byte, as the startup phase sends them.
    static func readStartupMessage(_ socket: Int32) -> [UInt8]? {
        guard let header = readExactly(socket, 4) else {
            return nil
        }
        let length = header.reduce(0) { $0 << 8 | Int($1) }
        guard length >= 8, length < 10_000, let body = readExactly(socket, length - 4) else {
            return nil
        }
        return header + body
    }

    static func readExactly(_ socket: Int32, _ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                recv(socket, buffer.baseAddress.map { $0 + filled }, count - filled, 0)
            }
            guard got > 0 else {
                return nil
            }
            filled += got
        }
        return bytes
    }

    static func send(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let wrote = bytes.withUnsafeBytes { buffer in
                Glibc.send(
                    socket,
                    buffer.baseAddress.map { $0 + sent },
                    bytes.count - sent,
                    Int32(MSG_NOSIGNAL)
                )
            }
            guard wrote > 0 else {
                return false
            }
            sent += wrote
        }
        return true
    }

    /// Copies bytes both ways until either side closes.
    static func pipe(_ one: Int32, _ other: Int32) {
        var sockets = [
            pollfd(fd: one, events: Int16(POLLIN), revents: 0),
            pollfd(fd: other, events: Int16(POLLIN), revents: 0),
        ]
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while poll(&sockets, 2, 30_000) > 0 {
            for index in 0..<2 where sockets[index].revents != 0 {
                let got = buffer.withUnsafeMutableBytes {
                    recv(sockets[index].fd, $0.baseAddress, $0.count, 0)
                }
                guard got > 0, send(sockets[1 - index].fd, Array(buffer[..<got])) else {
                    return
                }
            }
        }
    }
}
