internal import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How far one connection attempt got before it ended.
enum AttemptStage: Sendable, Equatable {
    /// No TCP connection was made: refused, unreachable, name not found, or silent.
    case beforeTCP
    /// TCP was connected; nothing or something came back.
    case afterTCP
}

/// The end of one attempt that did not connect.
struct AttemptFailure: Error, Sendable {
    /// What went wrong, in libpq's words or ours for a time-out.
    var message: String
    /// How far it got.
    var stage: AttemptStage
    /// Whether our deadline ended it.
    var timedOut: Bool
    /// Whether libpq refused the parameters before trying anything.
    var badParameters: Bool
    /// Whether the connection was up and `SELECT 1` went unanswered.
    var duringQuery = false
}

/// How far a connection is driven before `LibpqConnection.connect` returns it.
enum ConnectionGoal: Sendable, Equatable {
    /// Until libpq says the connection is ready for queries.
    case ready

    /// Only until the TLS handshake is done, before the startup packet: the server's
    /// certificate can be read, and nobody is authenticated.
    case encrypted
}

/// An open libpq connection; owns the `PGconn *` and finishes it exactly once.
///
/// Every connection has a notice processor that collects into `notices`: libpq's default one
/// writes the server's NOTICE and WARNING messages, and its own, to standard error, and the
/// library never prints.
final class LibpqConnection {
    private let handle: OpaquePointer
    private let collector = NoticeCollector()

    private init(handle: OpaquePointer) {
        self.handle = handle
        // Unretained: the collector is a property, so it outlives PQfinish in deinit, the last
        // call that could reach the processor.
        let context = Unmanaged.passUnretained(collector).toOpaque()
        PQsetNoticeProcessor(handle, Self.collectNotice, context)
    }

    deinit {
        PQfinish(handle)
    }

    /// What the server (or libpq) said by notice so far, oldest first.
    var notices: [String] { collector.notices }

    private static let collectNotice: PQnoticeProcessor = { context, message in
        guard let context else {
            return
        }
        let collector = Unmanaged<NoticeCollector>.fromOpaque(context).takeUnretainedValue()
        collector.append(LibpqText.decode(message))
    }

    /// Connects with the non-blocking API, waiting at most `timeout` seconds for each address.
    ///
    /// libpq only enforces `connect_timeout` in its blocking call, so the deadline is kept
    /// here and restarted whenever libpq moves on to another address. With `goal` `.encrypted`
    /// the connection is returned half-open, as soon as TLS is up; it is finished when released.
    static func connect(
        _ parameters: [ConnectionParameter],
        timeout: Int,
        goal: ConnectionGoal = .ready
    ) -> Result<LibpqConnection, AttemptFailure> {
        LibpqHooks.installOnce()
        let started = LibpqParameters.withArrays(parameters) { PQconnectStartParams($0, $1, 0) }
        guard let started else {
            return .failure(
                AttemptFailure(
                    message: "out of memory",
                    stage: .beforeTCP,
                    timedOut: false,
                    badParameters: true
                )
            )
        }
        // The owner exists from here on, so every path finishes the PGconn, failed ones too.
        let connection = LibpqConnection(handle: started)
        if PQstatus(started) == CONNECTION_BAD {
            return .failure(connection.failure(stage: .beforeTCP, badParameters: true))
        }
        return connection.drive(timeout: timeout, goal: goal).map { connection }
    }

    // MARK: - Polling

    private func drive(timeout: Int, goal: ConnectionGoal) -> Result<Void, AttemptFailure> {
        var polling = PGRES_POLLING_WRITING
        var stage = AttemptStage.beforeTCP
        var address = currentAddress()
        var deadline = ContinuousClock.now + .seconds(timeout)

        while true {
            switch polling {
            case PGRES_POLLING_OK:
                return .success(())
            case PGRES_POLLING_FAILED:
                return .failure(failure(stage: stage, badParameters: false))
            default:
                let reading = polling == PGRES_POLLING_READING
                if !wait(reading: reading, until: deadline) {
                    return .failure(timedOut(after: timeout, stage: stage))
                }
            }
            polling = PQconnectPoll(handle)

            let now = currentAddress()
            if now != address {
                address = now
                stage = .beforeTCP
                deadline = ContinuousClock.now + .seconds(timeout)
            }
            if hasReachedServer() {
                stage = .afterTCP
            }
            if goal == .encrypted, hasFinishedTLSHandshake() {
                return .success(())
            }
        }
    }

    /// Waits until the socket is ready or the deadline passes; `false` on time-out.
    private func wait(reading: Bool, until deadline: ContinuousClock.Instant) -> Bool {
        let socket = PQsocket(handle)
        guard socket >= 0 else {
            // No socket yet or any more: let PQconnectPoll report what happened.
            return true
        }
        var descriptor = pollfd(fd: socket, events: Int16(reading ? POLLIN : POLLOUT), revents: 0)
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero {
                return false
            }
            let ready = poll(&descriptor, 1, Self.pollTimeout(left))
            if ready > 0 {
                return true
            }
            if ready < 0, errno != EINTR {
                return true
            }
        }
    }

    /// `left` in whole milliseconds, rounded up, as `poll` takes it; 0 when nothing is left.
    ///
    /// Rounded up, sub-second part included, so that one poll lasts until the deadline: cut to
    /// whole seconds, the last second before it was spent in hundreds of 1 ms polls.
    static func pollTimeout(_ left: Duration) -> Int32 {
        let (seconds, attoseconds) = left.components
        guard seconds >= 0, attoseconds >= 0 else {
            return 0
        }
        guard seconds < Int64(Int32.max / 1000) else {
            return Int32.max
        }
        let attosecondsPerMillisecond: Int64 = 1_000_000_000_000_000
        let fraction = (attoseconds + attosecondsPerMillisecond - 1) / attosecondsPerMillisecond
        return Int32(seconds * 1000 + fraction)
    }

    private func hasReachedServer() -> Bool {
        switch PQstatus(handle) {
        case CONNECTION_STARTED, CONNECTION_NEEDED, CONNECTION_BAD: false
        default: true
        }
    }

    /// Whether TLS is up: libpq marks SSL in use when it starts the handshake, and leaves
    /// `CONNECTION_SSL_STARTUP` only when the handshake is done (or failed).
    private func hasFinishedTLSHandshake() -> Bool {
        guard PQsslInUse(handle) == 1 else {
            return false
        }
        switch PQstatus(handle) {
        case CONNECTION_SSL_STARTUP, CONNECTION_BAD: return false
        default: return true
        }
    }

    private func currentAddress() -> String {
        "\(LibpqText.decode(PQhost(handle)))|\(LibpqText.decode(PQhostaddr(handle)))"
    }

    private func failure(stage: AttemptStage, badParameters: Bool) -> AttemptFailure {
        AttemptFailure(
            message: LibpqText.decode(PQerrorMessage(handle)),
            stage: stage,
            timedOut: false,
            badParameters: badParameters
        )
    }

    private func timedOut(after seconds: Int, stage: AttemptStage) -> AttemptFailure {
        let host = LibpqText.decode(PQhost(handle))
        let address = LibpqText.optional(PQhostaddr(handle)).map { " (\($0))" } ?? ""
        let port = LibpqText.decode(PQport(handle))
        let waited =
            stage == .beforeTCP
            ? "no TCP connection within \(seconds) s"
            : "connected, but the server did not answer within \(seconds) s"
        return AttemptFailure(
            message:
                "connection to server at \"\(host)\"\(address), port \(port) failed: \(waited)",
            stage: stage,
            timedOut: true,
            badParameters: false
        )
    }
}

// MARK: - Facts of an open connection

extension LibpqConnection {
    /// Runs `SELECT 1`, waiting at most `timeout` seconds for the answer; `nil` on success.
    ///
    /// `PQexec` would wait for ever on a server that accepted the connection and then hung, so
    /// the query is sent with `PQsendQuery` and its answer awaited with our own deadline.
    func selectOne(timeout: Int) -> AttemptFailure? {
        let deadline = ContinuousClock.now + .seconds(timeout)
        guard PQsendQuery(handle, "SELECT 1") == 1 else {
            return failure(stage: .afterTCP, badParameters: false)
        }
        while PQisBusy(handle) == 1 {
            guard wait(reading: true, until: deadline) else {
                return unanswered(after: timeout)
            }
            guard PQconsumeInput(handle) == 1 else {
                return failure(stage: .afterTCP, badParameters: false)
            }
        }

        let problem = checkSelectOne(PQgetResult(handle))
        // Drain the rest, so that the connection is idle when it is finished.
        while let extra = PQgetResult(handle) {
            PQclear(extra)
        }
        return problem
    }

    private func checkSelectOne(_ result: OpaquePointer?) -> AttemptFailure? {
        guard let result else {
            return failure(stage: .afterTCP, badParameters: false)
        }
        defer { PQclear(result) }

        guard PQresultStatus(result) == PGRES_TUPLES_OK,
            LibpqText.decode(PQgetvalue(result, 0, 0)) == "1"
        else {
            let message = LibpqText.decode(PQresultErrorMessage(result))
            return AttemptFailure(
                message: message,
                stage: .afterTCP,
                timedOut: false,
                badParameters: false
            )
        }
        return nil
    }

    private func unanswered(after seconds: Int) -> AttemptFailure {
        let host = LibpqText.decode(PQhost(handle))
        let port = LibpqText.decode(PQport(handle))
        return AttemptFailure(
            message: "connected to server at \"\(host)\", port \(port), but it did not answer "
                + "SELECT 1 within \(seconds) s",
            stage: .afterTCP,
            timedOut: true,
            badParameters: false,
            duringQuery: true
        )
    }

    /// The host name libpq connected to.
    var host: String { LibpqText.decode(PQhost(handle)) }

    /// The numeric address connected to, if libpq knows it.
    var hostAddress: String? { LibpqText.optional(PQhostaddr(handle)) }

    /// The port connected to.
    var port: String { LibpqText.decode(PQport(handle)) }

    /// Whether the connection is encrypted with SSL.
    var usesSSL: Bool { PQsslInUse(handle) == 1 }

    /// One of `PQsslAttribute`'s values: `protocol`, `cipher`, `key_bits`, `library`.
    func sslAttribute(_ name: String) -> String? {
        LibpqText.optional(PQsslAttribute(handle, name))
    }

    /// The server's version as it reports it, such as `15.18 (Debian 15.18-0+deb12u1)`.
    var serverVersion: String? {
        LibpqText.optional(PQparameterStatus(handle, "server_version"))
    }

    /// Lends the `SSL *` of an encrypted connection to `body`; `nil` when not encrypted.
    func withSSLObject<Result>(_ body: (OpaquePointer) -> Result) -> Result? {
        PQsslStruct(handle, "OpenSSL").map { body(OpaquePointer($0)) }
    }
}
