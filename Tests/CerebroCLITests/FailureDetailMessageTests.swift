import Foundation
import Testing

@testable import CerebroCLI
@testable import CerebroConn

/// One fact gathered after a failure and the line `test` prints with it.
struct DetailCase: Sendable, CustomTestStringConvertible {
    var label: String
    var problem: ServerChainProblem?
    var line: String
    var testDescription: String { label }
}

/// The explanations that rest on more than libpq's text: what verifying the server's chain
/// again found, where a password came from, and each host of a list.
@Suite struct FailureDetailMessageTests {
    static let verifyFailed =
        #"connection to server at "db.example.test" (10.0.0.5), port 5432 failed: "#
        + "SSL error: certificate verify failed"
    static let authority = "/etc/pki/pg/ops/ca.crt"
    static let preset = Preset(
        name: "ops",
        host: "db.example.test",
        user: "cerebro_user",
        sslRequired: true,
        certificateFolder: "/etc/pki/pg/ops"
    )
    static let expiredOn = Date(timeIntervalSince1970: 1_577_923_200)  // 2020-01-02 00:00:00
    static let startsOn = Date(timeIntervalSince1970: 1_796_515_200)  // 2026-12-06 00:00:00

    static let chainCases: [DetailCase] = [
        DetailCase(
            label: "the server's certificate expired, from the right CA",
            problem: .expired(.server, notAfter: expiredOn),
            line: "ops: the certificate of db.example.test:5432 expired on 2020-01-02 00:00:00 "
                + "UTC; ask the server's administrator to renew it"
        ),
        DetailCase(
            label: "the server's certificate is not valid yet",
            problem: .notYetValid(.server, notBefore: startsOn),
            line: "ops: the certificate of db.example.test:5432 is not valid before 2026-12-06 "
                + "00:00:00 UTC; check this machine's clock, or ask the server's administrator "
                + "for a certificate that is valid now"
        ),
        DetailCase(
            label: "an intermediate the server sends expired",
            problem: .expired(.intermediate(subject: "CN=Studio Sub CA"), notAfter: expiredOn),
            line: "ops: the CA certificate 'CN=Studio Sub CA' that db.example.test:5432 sends "
                + "with its own expired on 2020-01-02 00:00:00 UTC; ask the server's "
                + "administrator to renew it"
        ),
        DetailCase(
            label: "the CA in ca.crt expired",
            problem: .expired(.authority(subject: "CN=Studio CA"), notAfter: expiredOn),
            line: "ops: \(authority) holds the CA certificate 'CN=Studio CA' that signs the "
                + "certificate of db.example.test:5432, and it expired on 2020-01-02 00:00:00 "
                + "UTC; put the CA's renewed certificate in \(authority)"
        ),
        DetailCase(
            label: "another CA really signed it",
            problem: .untrusted(reason: "unable to get local issuer certificate"),
            line: "ops: the certificate of db.example.test:5432 is not signed by \(authority) "
                + "(it is issued by CN=Other CA); put the CA that signed the server's "
                + "certificate in \(authority)"
        ),
        DetailCase(
            label: "any other verification failure, in OpenSSL's words",
            problem: .other(reason: "unsuitable certificate purpose"),
            line: "ops: the certificate of db.example.test:5432 does not verify against "
                + "\(authority): unsuitable certificate purpose; ask the server's administrator "
                + "for a certificate that verifies against \(authority)"
        ),
    ]

    @Test(arguments: chainCases)
    func certificateVerifyFailedNamesTheCheckThatFailed(_ row: DetailCase) throws {
        let failure = ConnectionFailure(
            kind: .rejected,
            message: Self.verifyFailed,
            timedOut: false,
            host: "db.example.test"
        )
        var result = try Self.result(failure)
        result.peekedServerCertificate = Self.serverCertificate
        result.serverChainProblem = row.problem

        #expect(TestReport.oneLine("ops", TestReport.explain(failure, result)) == row.line)
    }

    @Test func passwordFailureNamesWhereThePasswordCameFrom() throws {
        let failure = ConnectionFailure(
            kind: .rejected,
            message: #"connection to server at "db.example.test" (10.0.0.5), port 5432 failed: "#
                + #"FATAL:  password authentication failed for user "cerebro_pw""#,
            timedOut: false,
            host: "db.example.test"
        )
        var result = try Self.result(failure)
        let lines = [
            Environment(["PGPASSWORD": "x", "PGPASSFILE": "/k/pass"]),
            Environment(["PGPASSFILE": "/k/pass"]),
            Environment(["PGPASSWORD": ""]),
        ].map { environment in
            result.passwordSource = PasswordSource(environment: environment)
            return TestReport.oneLine("ops", TestReport.explain(failure, result))
        }

        #expect(
            lines == [
                "ops: db.example.test:5432 rejected the password for 'cerebro_pw' from "
                    + "PGPASSWORD; set PGPASSWORD to the right password, or unset it to use "
                    + "~/.pgpass",
                "ops: db.example.test:5432 rejected the password for 'cerebro_pw' from /k/pass "
                    + "(named by PGPASSFILE); correct the entry for this host in /k/pass",
                "ops: db.example.test:5432 rejected the password for 'cerebro_pw'; correct the "
                    + "entry for this host in ~/.pgpass",
            ]
        )
    }

    @Test func missingPasswordPointsAtThePasswordFileLibpqReads() throws {
        let failure = ConnectionFailure(
            kind: .rejected,
            message: "connection to server at \"db.example.test\" (10.0.0.5), port 5432 failed: "
                + "fe_sendauth: no password supplied",
            timedOut: false,
            host: "db.example.test"
        )
        var result = try Self.result(failure)
        result.passwordSource = .passwordFileVariable(path: "/k/pass")

        #expect(
            TestReport.explain(failure, result).hint
                == "log in by certificate (a 'cert' line in pg_hba.conf) or put the password in "
                + "/k/pass (named by PGPASSFILE) with mode 0600"
        )
    }

    @Test func everyHostThatRefusedIsNamed() throws {
        let failure = Self.unanswered([
            ("127.0.0.3", "Connection refused"), ("127.0.0.4", "Connection refused"),
        ])

        #expect(
            TestReport.oneLine("ops", TestReport.explain(failure, try Self.result(failure)))
                == "ops: none of 127.0.0.3:5432, 127.0.0.4:5432 accepts connections; check the "
                + "hosts and port, and that the server is running and listening on one of them"
        )
    }

    @Test func hostsThatFailedDifferentlyAreEachNamedWithTheirCause() throws {
        var failure = Self.unanswered([
            ("db1.example.test", "Connection refused"), ("::1", "No route to host"),
        ])
        let unresolved = HostAttempt(
            host: "nowhere.invalid",
            message: #"could not translate host name "nowhere.invalid" to address: "#
                + "Name or service not known",
            timedOut: false
        )
        let silent = HostAttempt(
            host: "db2.example.test",
            message: #"connection to server at "db2.example.test" (10.0.0.6), port 5432 "#
                + "failed: no TCP connection within 10 s",
            timedOut: true,
            timeoutPhase: .connecting
        )
        failure.attempts = [unresolved] + failure.attempts + [silent]
        failure.message = failure.attempts.map(\.message).joined(separator: "\n")
        (failure.host, failure.timedOut, failure.timeoutPhase) = (silent.host, true, .connecting)
        let line = TestReport.oneLine("ops", TestReport.explain(failure, try Self.result(failure)))

        #expect(
            line
                == "ops: no host answered: the host name 'nowhere.invalid' does not resolve, "
                + "db1.example.test:5432 refuses connections, [::1]:5432 cannot be reached (no "
                + "route to host), no TCP connection to db2.example.test:5432 within 10 s; check "
                + "the hosts and port, and that the server is running and listening on one of "
                + "them"
        )
    }

    /// A cause not known for one host is told in the first line of libpq's words.
    @Test func anUnknownTextForOneOfTheHostsIsLibpqsOnOneLine() throws {
        let failure = Self.unanswered([
            ("fe80::1%eth9", "Cannot assign requested address"), ("10.0.0.9", "Connection refused"),
        ])

        #expect(
            TestReport.explain(failure, try Self.result(failure)).text
                == #"no host answered: connection to server at "fe80::1%eth9", port 5432 failed: "#
                + "Cannot assign requested address, 10.0.0.9:5432 refuses connections"
        )
    }

    @Test func sslOverASocketFolderNamesTheRuleAndTheFix() {
        let message = ErrorMessages.message(
            for: PlanError.sslOverSocket(preset: "sock", folder: "/var/run/postgresql")
        )

        #expect(
            message.text
                == "the preset requires SSL, but its host '/var/run/postgresql' is a Unix-socket "
                + "folder, where libpq never uses SSL"
        )
        #expect(
            message.hint
                == "give a host name or address to use SSL, or drop the requirement with "
                + "'cerebro-conn edit sock --no-ssl'"
        )
    }

    // MARK: - Helpers

    static let serverCertificate = CertificateSummary(
        subject: "CN=db.example.test",
        issuer: "CN=Other CA",
        commonName: "db.example.test",
        organizationalUnits: [],
        serialNumber: "01",
        notBefore: expiredOn,
        notAfter: expiredOn,
        subjectAlternativeNames: [.dns("db.example.test")],
        publicKey: PublicKeyDescription(algorithm: .ellipticCurve(curve: "P-256"), bits: 256),
        isCertificateAuthority: false
    )

    /// A set with a client pair that OpenSSL did not send (a DSA key under TLS 1.3) is not
    /// told to add the pair it has.
    @Test func aRequiredCertificateThatWasNotSentIsNamed() throws {
        let failure = ConnectionFailure(
            kind: .rejected,
            message: #"connection to server at "db.example.test" (10.0.0.5), port 5432 "#
                + "failed: FATAL:  connection requires a valid client certificate",
            timedOut: false
        )
        let line = TestReport.oneLine(
            "ops",
            TestReport.explain(failure, try Self.result(failure))
        )
        let noPair = FailureMessages.explain(
            .clientCertificateRequired,
            FailureContext(preset: Self.preset)
        )

        #expect(
            line
                == "ops: db.example.test:5432 requires a client certificate, and "
                + "/etc/pki/pg/ops/client.crt was not sent: TLS could not use it; run "
                + "'cerebro-conn certs ops' to see what is wrong with it, and ask your CA for an "
                + "RSA or EC client certificate"
        )
        #expect(noPair.text.hasSuffix("(the certificate set has no client.crt/client.key)"))
    }

    static func result(_ failure: ConnectionFailure) throws -> CheckResult {
        let set = CertificateSet(
            folder: "/etc/pki/pg/ops",
            role: .preset,
            naming: .plain,
            authority: authority
        )
        let plan = try ConnectionPlan(preset: preset, certificateSet: set)
        return CheckResult(name: "ops", preset: preset, plan: plan, outcome: .failed(failure))
    }

    /// A failure after every host of `attempts` got no response, as `ConnectionProbe` makes it.
    static func unanswered(_ attempts: [(host: String, reason: String)]) -> ConnectionFailure {
        let tried = attempts.map { host, reason in
            HostAttempt(
                host: host,
                message: "connection to server at \"\(host)\", port 5432 failed: \(reason)\n"
                    + "\tIs the server running on that host and accepting TCP/IP connections?",
                timedOut: false
            )
        }
        return ConnectionFailure(
            kind: .noResponse,
            message: tried.map(\.message).joined(separator: "\n"),
            timedOut: false,
            host: tried.last?.host,
            attempts: tried
        )
    }
}
