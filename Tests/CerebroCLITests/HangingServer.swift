import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fake PostgreSQL server on 127.0.0.1 that refuses SSL, lets anyone log in, and then never
/// answers a query: the case a connect time-out alone does not cover.
final class HangingServer: @unchecked Sendable {
    // @unchecked: `connections` is touched only by the accepting thread until `deinit`, which
    // runs after the listening socket is shut down and that thread has returned.

    /// The port it listens on.
    let port: Int
    private let listener: SilentListener
    private var connections: [Int32] = []
    private let done = DispatchSemaphore(value: 0)

    /// Starts serving on a free loopback port.
    init() throws {
        listener = try SilentListener()
        port = listener.port
        let thread = Thread { [self] in
            serve()
            done.signal()
        }
        thread.start()
    }

    deinit {
        shutdown(listener.descriptor, Int32(SHUT_RDWR))
        done.wait()
        connections.forEach { close($0) }
    }

    private func serve() {
        while true {
            let connection = accept(listener.descriptor, nil, nil)
            guard connection >= 0 else {
                return
            }
            connections.append(connection)
            logIn(connection)
        }
    }

    /// Answers an SSLRequest with 'N', then any startup message with AuthenticationOk and
    /// ReadyForQuery; whatever the client sends next is never read.
    private func logIn(_ connection: Int32) {
        guard var message = StartupWire.readStartupMessage(connection) else {
            return
        }
        if StartupWire.isSSLRequest(message) {
            _ = StartupWire.send(connection, [UInt8(ascii: "N")])
            guard let startup = StartupWire.readStartupMessage(connection) else {
                return
            }
            message = startup
        }
        let authenticationOK: [UInt8] = [UInt8(ascii: "R"), 0, 0, 0, 8, 0, 0, 0, 0]
        let readyForQuery: [UInt8] = [UInt8(ascii: "Z"), 0, 0, 0, 5, UInt8(ascii: "I")]
        _ = StartupWire.send(connection, authenticationOK + readyForQuery)
    }
}
