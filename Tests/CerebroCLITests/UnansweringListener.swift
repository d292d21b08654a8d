import Foundation

/// A TCP socket on 127.0.0.1 that listens and never accepts: the kernel completes the TCP
/// handshake, and then nothing ever answers, like a server behind a black-holing firewall.
final class UnansweringListener {
    /// The port it listens on.
    let port: String
    private let socket: Int32

    init() throws {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.socket = socket
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        guard socket >= 0, bound == 0, listen(socket, 8) == 0 else {
            close(socket)
            throw CommandError(
                command: "bind/listen 127.0.0.1:0",
                message: String(cString: strerror(errno))
            )
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(socket, $0, &length)
            }
        }
        port = String(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(socket)
    }
}
