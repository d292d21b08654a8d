import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP socket on 127.0.0.1 that listens and never accepts or answers: the kernel completes
/// the handshake, then nothing ever comes back, as from a hung server or a black-holing proxy.
final class SilentListener {
    /// The port it listens on.
    let port: Int
    /// The listening socket.
    let descriptor: Int32

    /// Opens the socket on a free loopback port.
    init() throws {
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else {
            throw ListenerError(step: "socket", code: errno)
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        port = try Self.bindAndListen(descriptor, &address)
    }

    deinit {
        close(descriptor)
    }

    private static func bindAndListen(_ socket: Int32, _ address: inout sockaddr_in) throws -> Int {
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && listen(socket, 64) == 0
                    && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            close(socket)
            throw ListenerError(step: "bind/listen", code: code)
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A failure to open the silent listener.
struct ListenerError: Error, CustomStringConvertible {
    var step: String
    var code: Int32

    var description: String {
        "\(step) failed: \(String(cString: strerror(code)))"
    }
}
