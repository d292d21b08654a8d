import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fake PostgreSQL server on 127.0.0.1 that answers the SSLRequest with 'S' and then hands
/// the connection to `openssl s_server`, so that libpq does its TLS handshake with a real TLS
/// peer using the certificate, chain and versions a test chooses.
///
/// The real server cannot be given an expired certificate or TLS 1.1 without restarting it for
/// every test. Nothing after the handshake is PostgreSQL: these tests end in the handshake.
final class FakeTLSServer {
    /// The port libpq connects to.
    let port: Int
    private let listener: SilentListener
    private let openssl = Process()
    private let backendPort: UInt16
    private let done = DispatchSemaphore(value: 0)

    /// Starts `openssl s_server` with `certificate` and `key` (and `arguments`, such as
    /// `-tls1_1`), then serves on a free loopback port.
    init(certificate: String, key: String, arguments: [String] = []) throws {
        let backend = LiveServer.freePort()
        backendPort = UInt16(backend) ?? 0
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        let serving = ["-accept", "127.0.0.1:\(backend)", "-cert", certificate, "-key", key]
        openssl.arguments = ["s_server", "-quiet"] + serving + arguments
        openssl.standardInput = FileHandle.nullDevice
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        listener = try SilentListener()
        port = listener.port
        try waitForBackend()

        // The thread holds the listening socket and the port, not `self`: holding `self` would
        // keep it alive for ever, so `deinit` would never stop s_server, which would outlive
        // the test run.
        let (descriptor, port, done) = (listener.descriptor, backendPort, done)
        let thread = Thread {
            Self.serve(descriptor, backendPort: port)
            done.signal()
        }
        thread.start()
    }

    deinit {
        shutdown(listener.descriptor, Int32(SHUT_RDWR))
        done.wait()
        // SIGKILL, not terminate()'s SIGTERM: s_server inherits the test runner's threads'
        // signal mask, in which SIGTERM is blocked, so it would never end.
        kill(openssl.processIdentifier, SIGKILL)
        openssl.waitUntilExit()
    }

    private static func serve(_ listener: Int32, backendPort: UInt16) {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                return
            }
            // One connection at a time, as s_server serves them: libpq's attempts come one
            // after the other.
            answerSSLRequest(client, backendPort: backendPort)
        }
    }

    /// Reads the 8-byte SSLRequest, says 'S', and relays to s_server until either side closes.
    private static func answerSSLRequest(_ client: Int32, backendPort: UInt16) {
        var request = [UInt8](repeating: 0, count: 8)
        guard recv(client, &request, 8, Int32(MSG_WAITALL)) == 8,
            send(client, [UInt8(ascii: "S")], 1, 0) == 1,
            let backend = StartupWire.connectLoopback(port: backendPort)
        else {
            close(client)
            return
        }
        StartupWire.pipe(client, backend)
        close(backend)
        close(client)
    }

    private func connectToBackend() -> Int32? {
        StartupWire.connectLoopback(port: backendPort)
    }

    /// s_server takes a moment to listen; a probe connection tells when it does.
    private func waitForBackend() throws {
        for _ in 0..<100 {
            if let probe = connectToBackend() {
                close(probe)
                return
            }
            guard openssl.isRunning else {
                break
            }
            usleep(50_000)
        }
        throw ListenerError(step: "openssl s_server on port \(backendPort)", code: ECONNREFUSED)
    }
}
