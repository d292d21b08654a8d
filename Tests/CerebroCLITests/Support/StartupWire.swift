import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Socket helpers for the test servers that stand in for PostgreSQL: the startup phase of its
/// protocol, a relay, and a loopback connection.
enum StartupWire {
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

    /// A connected TCP socket to 127.0.0.1:`port`, or nil when nothing accepts there.
    static func connectLoopback(port: UInt16) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else {
            return nil
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
        return socket
    }
}
