/// The facts of a connection that was accepted.
public struct ConnectionReport: Sendable, Equatable {
    /// The host name connected to.
    public var host: String
    /// The numeric address reached, if known.
    public var hostAddress: String?
    /// The port.
    public var port: String
    /// Whether SSL is in use.
    public var usesSSL: Bool
    /// The TLS protocol, such as `TLSv1.3`.
    public var tlsProtocol: String?
    /// The cipher suite, such as `TLS_AES_256_GCM_SHA384`.
    public var cipher: String?
    /// The cipher's key size in bits.
    public var keyBits: Int?
    /// The server's version string.
    public var serverVersion: String?
    /// From the start until the connection was ready.
    public var connectTime: Duration
    /// The round trip of `SELECT 1`.
    public var queryTime: Duration
    /// The certificate the server presented, decoded; nil without SSL.
    public var serverCertificate: CertificateSummary?
    /// The client certificate libpq loaded and offered, decoded; nil when none was sent.
    public var clientCertificate: CertificateSummary?
    /// Who verified what.
    public var verification: ServerVerification
    /// The server's notices and warnings while connecting and answering `SELECT 1`, such as
    /// a collation version mismatch, as libpq formats them; at most the first hundred.
    public var serverNotices: [String] = []
}

/// Why a connection did not succeed, with the `pg_isready`-style class.
public struct ConnectionFailure: Error, Sendable, Equatable {
    /// The class of failure, which decides the exit status.
    public enum Kind: Sendable, Equatable {
        /// The server was reached and refused: authentication, certificate or TLS.
        case rejected
        /// Nothing answered: refused, unreachable, unknown name or time-out.
        case noResponse
        /// libpq refused the parameters before trying anything.
        case notAttempted
    }

    /// The class.
    public var kind: Kind
    /// libpq's text (made safe for a terminal), or ours for a time-out; with several hosts,
    /// every attempt's text, one after the other.
    public var message: String
    /// Whether the attempt ended because a deadline passed.
    public var timedOut: Bool
    /// The host of the attempt that ended the connection, when it is known.
    public var host: String? = nil
    /// How far a timed-out attempt got, or `nil` if it did not time out.
    public var timeoutPhase: TimeoutPhase? = nil
    /// Each host's attempt, in the order tried.
    ///
    /// The last one ended the connection, and every one before it got no response. Empty
    /// when the failure is not a connection's (a `SELECT 1` that failed).
    public var attempts: [HostAttempt] = []
}

/// One host's attempt to connect that failed.
public struct HostAttempt: Sendable, Equatable {
    /// The host tried.
    public var host: String
    /// libpq's text for this attempt, or ours for a time-out.
    public var message: String
    /// Whether a deadline ended it.
    public var timedOut: Bool
    /// How far it got, if it timed out.
    public var timeoutPhase: TimeoutPhase?

    /// The attempt as a failure of its own, for explaining it alone.
    public var failure: ConnectionFailure {
        ConnectionFailure(
            kind: .noResponse,
            message: message,
            timedOut: timedOut,
            host: host,
            timeoutPhase: timeoutPhase
        )
    }
}

/// How far a connection got before its time-out passed.
public enum TimeoutPhase: Sendable, Equatable {
    /// No TCP connection was made.
    case connecting
    /// TCP was connected but the server never finished the handshake or login.
    case answering
    /// The connection was up, and `SELECT 1` went unanswered.
    case querying
}

/// Opens a real connection for a plan, runs `SELECT 1` and reports what happened.
public enum ConnectionProbe {
    /// Connects with `plan`, trying its hosts in order as libpq does: a host that does not
    /// answer passes to the next; one that answers and refuses ends the attempt.
    ///
    /// libpq still reads the `PG*` variables the plan cannot pin (`PGHOSTADDR`, `PGSERVICE`,
    /// `PGOPTIONS`, ...) from the process environment; a program calls
    /// `Environment.removeIgnoredLibpqVariables()` at start-up so that they have no effect.
    ///
    /// - Parameters:
    ///   - plan: the parameters to use.
    ///   - passphrase: the private key's passphrase, passed as `sslpassword` and never kept.
    public static func run(
        _ plan: ConnectionPlan,
        passphrase: String? = nil
    ) -> Result<ConnectionReport, ConnectionFailure> {
        let clock = ContinuousClock()
        let start = clock.now
        var attempts: [HostAttempt] = []

        for host in plan.preset.hosts {
            let parameters = parameters(of: plan, host: host, passphrase: passphrase)
            switch LibpqConnection.connect(parameters, timeout: plan.preset.connectTimeout) {
            case .success(let connection):
                return report(connection, plan: plan, since: start, clock: clock)
            case .failure(let attempt):
                var failure = classify(attempt)
                failure.host = host
                attempts.append(
                    HostAttempt(
                        host: host,
                        message: failure.message,
                        timedOut: failure.timedOut,
                        timeoutPhase: failure.timeoutPhase
                    )
                )
                if failure.kind != .noResponse || host == plan.preset.hosts.last {
                    failure.attempts = attempts
                    failure.message = attempts.map(\.message).joined(separator: "\n")
                    return .failure(failure)
                }
            }
        }
        return .failure(ConnectionFailure(kind: .notAttempted, message: "no host", timedOut: false))
    }

    /// The keywords this libpq understands, for `ConnectionPlan`.
    public static var supportedKeywords: Set<String> {
        LibpqHooks.supportedKeywords
    }

    private static func parameters(
        of plan: ConnectionPlan,
        host: String,
        passphrase: String?
    ) -> [ConnectionParameter] {
        var parameters = plan.parameters.map { parameter in
            parameter.keyword == "host"
                ? ConnectionParameter(keyword: "host", value: host) : parameter
        }
        if let passphrase {
            parameters.append(ConnectionParameter(keyword: "sslpassword", value: passphrase))
        }
        return parameters
    }

    private static func classify(_ attempt: AttemptFailure) -> ConnectionFailure {
        let kind: ConnectionFailure.Kind =
            if attempt.badParameters, !isUnresolvedHostName(attempt.message) {
                .notAttempted
            } else if attempt.timedOut || attempt.stage == .beforeTCP {
                .noResponse
            } else {
                .rejected
            }
        let message = attempt.message
        let text = message.hasSuffix("\n") ? String(message.dropLast()) : message
        var failure = ConnectionFailure(kind: kind, message: text, timedOut: attempt.timedOut)
        if attempt.timedOut {
            failure.timeoutPhase =
                attempt.duringQuery
                ? .querying : attempt.stage == .beforeTCP ? .connecting : .answering
        }
        return failure
    }

    /// Whether libpq's text says a host name did not resolve.
    ///
    /// libpq looks up the first host's name inside `PQconnectStartParams`, so a name that does
    /// not resolve ends the attempt there, as bad parameters do; only the text tells them
    /// apart. Like `pg_isready`, an unknown host is "no response", not "not attempted".
    private static func isUnresolvedHostName(_ message: String) -> Bool {
        message.contains("could not translate host name")
    }

    private static func report(
        _ connection: LibpqConnection,
        plan: ConnectionPlan,
        since start: ContinuousClock.Instant,
        clock: ContinuousClock
    ) -> Result<ConnectionReport, ConnectionFailure> {
        let connected = clock.now
        if let problem = connection.selectOne(timeout: plan.preset.connectTimeout) {
            return .failure(classify(problem))
        }
        let queried = clock.now
        let session = connection.withSSLObject(TLSSessionFacts.init(session:))

        return .success(
            ConnectionReport(
                host: connection.host,
                hostAddress: connection.hostAddress,
                port: connection.port,
                usesSSL: connection.usesSSL,
                tlsProtocol: connection.sslAttribute("protocol"),
                cipher: connection.sslAttribute("cipher"),
                keyBits: connection.sslAttribute("key_bits").flatMap { Int($0) },
                serverVersion: connection.serverVersion,
                connectTime: connected - start,
                queryTime: queried - connected,
                serverCertificate: session?.serverCertificate,
                clientCertificate: session?.clientCertificate,
                verification: ServerVerification(plan: plan, session: session),
                serverNotices: connection.notices
            )
        )
    }
}
