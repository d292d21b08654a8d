import Testing

@testable import CerebroConn

/// libpq 15.18's exact texts (from the measured reference) and the cause each one means.
struct FailureCauseCase: Sendable, CustomTestStringConvertible {
    var label: String
    var message: String
    var cause: FailureCause
    var testDescription: String { label }
}

struct FailureCauseTests {
    static let prefix = #"connection to server at "127.0.0.1", port 5433 failed: "#

    static let cases: [FailureCauseCase] = [
        FailureCauseCase(
            label: "non-SSL rejected by pg_hba",
            message: prefix
                + #"FATAL:  pg_hba.conf rejects connection for host "127.0.0.1", user "cerebro_user", database "cerebro", no encryption"#,
            cause: .encryptionRequired
        ),
        FailureCauseCase(
            label: "unknown CA",
            message: prefix + "SSL error: tlsv1 alert unknown ca",
            cause: .clientCertificateUnknownToServer
        ),
        FailureCauseCase(
            label: "expired client certificate",
            message: prefix + "SSL error: sslv3 alert certificate expired",
            cause: .clientCertificateExpired
        ),
        FailureCauseCase(
            label: "revoked client certificate",
            message: prefix + "SSL error: sslv3 alert certificate revoked",
            cause: .clientCertificateRefused(alert: "certificate revoked")
        ),
        FailureCauseCase(
            label: "key mode 0644",
            message: prefix
                + #"private key file "/h/client-0644.key" has group or world access; file must have permissions u=rw (0600) or less if owned by the current user, or permissions u=rw,g=r (0640) or less if owned by root"#,
            cause: .keyPermissions(path: "/h/client-0644.key")
        ),
        FailureCauseCase(
            label: "host name mismatch",
            message: prefix
                + #"server certificate for "localhost" (and 1 other name) does not match host name "127.0.0.1""#,
            cause: .hostNameMismatch(certificateName: "localhost", otherNames: 1, host: "127.0.0.1")
        ),
        FailureCauseCase(
            label: "no client certificate sent",
            message: prefix + "FATAL:  connection requires a valid client certificate",
            cause: .clientCertificateRequired
        ),
        FailureCauseCase(
            label: "certificate user mismatch",
            message: prefix + #"FATAL:  certificate authentication failed for user "cerebro_user""#,
            cause: .certificateUserMismatch(user: "cerebro_user")
        ),
        FailureCauseCase(
            label: "key missing",
            message: prefix + #"certificate present, but not private key file "/h/none.key""#,
            cause: .keyFileMissing(path: "/h/none.key")
        ),
        FailureCauseCase(
            label: "key values mismatch",
            message: prefix
                + #"could not load private key file "/d/client-other.key": key values mismatch"#,
            cause: .keyMismatch(path: "/d/client-other.key")
        ),
        FailureCauseCase(
            label: "server untrusted",
            message: prefix + "SSL error: certificate verify failed",
            cause: .serverCertificateUntrusted
        ),
        FailureCauseCase(
            label: "no root certificate",
            message: prefix
                + "root certificate file \"/h/.postgresql/root.crt\" does not exist\nEither provide the file or change sslmode to disable server certificate verification.",
            cause: .missingRootCertificate(path: "/h/.postgresql/root.crt")
        ),
        FailureCauseCase(
            label: "root certificate not PEM",
            message: prefix
                + #"could not read root certificate file "/d/junk.crt": no certificate or crl found"#,
            cause: .unreadableRootCertificate(path: "/d/junk.crt")
        ),
        FailureCauseCase(
            label: "wrong password",
            message:
                #"connection to server at "localhost" (127.0.0.1), port 5433 failed: FATAL:  password authentication failed for user "cerebro_pw""#,
            cause: .passwordFailed(user: "cerebro_pw")
        ),
        FailureCauseCase(
            label: "no password",
            message: prefix + "fe_sendauth: no password supplied",
            cause: .passwordRequired
        ),
        FailureCauseCase(
            label: "no pg_hba line over SSL",
            message: prefix
                + #"FATAL:  pg_hba.conf rejects connection for host "127.0.0.1", user "nobody", database "cerebro", SSL encryption"#,
            cause: .noMatchingHBALine(user: "nobody", database: "cerebro")
        ),
        FailureCauseCase(
            label: "connection refused",
            message: #"connection to server at "127.0.0.1", port 1 failed: Connection refused"#
                + "\n\tIs the server running on that host and accepting TCP/IP connections?",
            cause: .connectionRefused
        ),
        FailureCauseCase(
            label: "prefer's two attempts: the SSL one explains",
            message: prefix + "FATAL:  connection requires a valid client certificate\n" + prefix
                + #"FATAL:  pg_hba.conf rejects connection for host "127.0.0.1", user "cerebro_user", database "cerebro", no encryption"#,
            cause: .clientCertificateRequired
        ),
        FailureCauseCase(
            label: "prefer's two attempts after a client-side SSL failure: the SSL one explains",
            message: prefix + #"certificate present, but not private key file "/d/client.key""#
                + "\n" + prefix
                + #"FATAL:  pg_hba.conf rejects connection for host "127.0.0.1", user "cerebro_user", database "cerebro", no encryption"#,
            cause: .keyFileMissing(path: "/d/client.key")
        ),
        FailureCauseCase(
            label: "a plain attempt to the next host is not a retry",
            message: #"connection to server at "127.0.0.1", port 1 failed: Connection refused"#
                + "\n\tIs the server running on that host and accepting TCP/IP connections?\n"
                + prefix
                + #"FATAL:  pg_hba.conf rejects connection for host "127.0.0.1", user "cerebro_user", database "cerebro", no encryption"#,
            cause: .encryptionRequired
        ),
        FailureCauseCase(
            label: "unreadable key with garbage bytes",
            message: prefix
                + "could not load private key file \"/d/client.key\": EM-\u{FFFD}\u{FFFD}SLIV",
            cause: .unreadableFile(path: "/d/client.key")
        ),
        FailureCauseCase(
            label: "unreadable certificate with garbage bytes",
            message: prefix
                + "could not read certificate file \"/d/client.crt\": \u{FFFD}\u{FFFD}U",
            cause: .unreadableFile(path: "/d/client.crt")
        ),
        FailureCauseCase(
            label: "encrypted key without passphrase",
            message: prefix + #"could not load private key file "/d/client.key": processing error"#,
            cause: .encryptedKey(path: "/d/client.key")
        ),
        FailureCauseCase(
            label: "wrong passphrase",
            message: prefix + #"could not load private key file "/d/client.key": bad decrypt"#,
            cause: .wrongPassphrase(path: "/d/client.key")
        ),
        FailureCauseCase(
            label: "server speaks only TLS 1.0 and 1.1 (measured with a Python ssl server)",
            message: #"connection to server at "localhost" (127.0.0.1), port 39301 failed: "#
                + "SSL error: tlsv1 alert protocol version\nThis may indicate that the server "
                + "does not support any SSL protocol version between TLSv1.2 and TLSv1.3.",
            cause: .tlsVersionUnsupported
        ),
        FailureCauseCase(
            label: "server answers the SSL request with N",
            message: #"connection to server at "localhost" (127.0.0.1), port 39302 failed: "#
                + "server does not support SSL, but SSL was required",
            cause: .serverWithoutSSL
        ),
        FailureCauseCase(
            label: "unreachable IPv6 address",
            message: #"connection to server at "2001:db8::1", port 5432 failed: No route to host"#
                + "\n\tIs the server running on that host and accepting TCP/IP connections?",
            cause: .hostUnreachable(reason: "no route to host")
        ),
        FailureCauseCase(
            label: "no network for the address",
            message: #"connection to server at "2001:db8::1", port 5432 failed: "#
                + "Network is unreachable\n\tIs the server running on that host and accepting "
                + "TCP/IP connections?",
            cause: .hostUnreachable(reason: "network is unreachable")
        ),
        FailureCauseCase(
            label: "unknown database",
            message: prefix + #"FATAL:  database "nosuchdb" does not exist"#,
            cause: .unknownDatabase(name: "nosuchdb")
        ),
        FailureCauseCase(
            label: "unknown role",
            message: prefix + #"FATAL:  role "nobody" does not exist"#,
            cause: .unknownRole(name: "nobody")
        ),
        FailureCauseCase(
            label: "unknown host",
            message:
                #"could not translate host name "nowhere.invalid" to address: Name or service not known"#,
            cause: .unknownHost
        ),
    ]

    @Test(arguments: cases)
    func recognises(_ row: FailureCauseCase) {
        let failure = ConnectionFailure(kind: .rejected, message: row.message, timedOut: false)
        #expect(FailureCause.recognise(failure) == row.cause)
    }

    /// With several hosts the last attempt ended the connection; an earlier host's refusal
    /// does not explain it.
    @Test func theLastHostsAttemptExplainsTheFailure() {
        let refused = HostAttempt(
            host: "127.0.0.3",
            message: #"connection to server at "127.0.0.3", port 5433 failed: Connection refused"#
                + "\n\tIs the server running on that host and accepting TCP/IP connections?",
            timedOut: false
        )
        let withoutSSL = HostAttempt(
            host: "127.0.0.1",
            message: Self.prefix + "server does not support SSL, but SSL was required",
            timedOut: false
        )
        let failure = ConnectionFailure(
            kind: .rejected,
            message: refused.message + "\n" + withoutSSL.message,
            timedOut: false,
            host: "127.0.0.1",
            attempts: [refused, withoutSSL]
        )

        #expect(FailureCause.recognise(failure) == .serverWithoutSSL)
        #expect(FailureCause.recognise(refused.failure) == .connectionRefused)
    }

    @Test func ourTimeOutIsATimeOut() {
        var failure = ConnectionFailure(
            kind: .noResponse,
            message: "no TCP connection within 2 s",
            timedOut: true
        )
        #expect(FailureCause.recognise(failure) == .timedOut(.connecting))
        failure.timeoutPhase = .querying
        #expect(FailureCause.recognise(failure) == .timedOut(.querying))
    }
}
