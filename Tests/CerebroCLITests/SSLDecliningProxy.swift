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
        guard server >= 0, var message = StartupWire.readStartupMessage(client) else {
            return
        }
        if StartupWire.isSSLRequest(message) {
            guard StartupWire.send(client, [UInt8(ascii: "N")]),
                let startup = StartupWire.readStartupMessage(client)
            else {
                return
            }
            message = startup
        }
        guard StartupWire.send(server, message) else {
            return
        }
        StartupWire.pipe(client, server)
    }

    private func connectToServer() -> Int32 {
        StartupWire.connectLoopback(port: serverPort) ?? -1
    }
}
