import Foundation
import Testing

@testable import CerebroCLI
@testable import CerebroConn

/// One libpq text (from the measured reference) and the line `test` prints for it.
struct DiagnosisCase: Sendable, CustomTestStringConvertible {
    var label: String
    var libpq: String
    var line: String
    var testDescription: String { label }
}

/// The words of every failure, on libpq's exact texts; the live tests show the same against
/// the real server where the fixture can produce the failure.
@Suite struct DiagnosisMessageTests {
    static let prefix = #"connection to server at "127.0.0.1", port 5433 failed: "#
    static let preset = Preset(
        name: "ops",
        host: "db.example.test",
        user: "cerebro_user",
        sslRequired: true,
        certificateFolder: "/etc/pki/pg/ops"
    )

    static let cases: [DiagnosisCase] = [
        DiagnosisCase(
            label: "pg_hba.conf rejects a connection without SSL",
            libpq: prefix
                + #"FATAL:  pg_hba.conf rejects connection for host "127.0.0.1", "#
                + #"user "cerebro_user", database "cerebro", no encryption"#,
            line: "ops: db.example.test:5432 refuses connections without SSL for 'cerebro_user', "
                + "but declined SSL when libpq asked for it; check the host and port (a proxy or "
                + "pooler without SSL may answer there), or ask the server's administrator to "
                + "turn on ssl in postgresql.conf"
        ),
        DiagnosisCase(
            label: "pg_hba.conf has no line for the role over SSL",
            libpq: prefix
                + #"FATAL:  pg_hba.conf rejects connection for host "127.0.0.1", "#
                + #"user "nobody", database "cerebro", SSL encryption"#,
            line:
                "ops: db.example.test:5432 has no pg_hba.conf line letting 'nobody' into 'cerebro' "
                + "from this address over SSL; check --user and --db, or ask the server's "
                + "administrator for access"
        ),
        DiagnosisCase(
            label: "missing root certificate",
            libpq: prefix + #"root certificate file "/h/.postgresql/root.crt" does not exist"#
                + "\nEither provide the file or change sslmode to disable server certificate verification.",
            line: "ops: /h/.postgresql/root.crt does not exist; add the CA certificate there"
        ),
        DiagnosisCase(
            label: "unreadable key, garbage reason",
            libpq: prefix
                + "could not load private key file \"/d/client.key\": EM\u{FFFD}\u{FFFD}LIV",
            line: "ops: /d/client.key cannot be read (libpq's own reason text is unreliable here); "
                + "check that the file belongs to you and is readable"
        ),
        DiagnosisCase(
            label: "unreadable certificate, garbage reason",
            libpq: prefix
                + "could not read certificate file \"/d/client.crt\": \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}lU",
            line: "ops: /d/client.crt cannot be read (libpq's own reason text is unreliable here); "
                + "check that the file belongs to you and is readable"
        ),
        DiagnosisCase(
            label: "unreadable root certificate, empty reason",
            libpq: prefix + "could not read root certificate file \"/d/ca.crt\": ",
            line: "ops: /d/ca.crt cannot be read (libpq's own reason text is unreliable here); "
                + "check that the file belongs to you and is readable"
        ),
        DiagnosisCase(
            label: "root certificate is not PEM",
            libpq: prefix
                + #"could not read root certificate file "/d/junk.crt": no certificate or crl found"#,
            line:
                "ops: /d/junk.crt holds no PEM certificate; replace it with the CA certificate in PEM form"
        ),
        DiagnosisCase(
            label: "key mode 0644, as libpq says it",
            libpq: prefix
                + #"private key file "/h/client.key" has group or world access; file must have "#
                + "permissions u=rw (0600) or less if owned by the current user, or permissions "
                + "u=rw,g=r (0640) or less if owned by root",
            line:
                "ops: /h/client.key has group or world access, which libpq refuses; copy the key to a 0600 file you own"
        ),
        DiagnosisCase(
            label: "key file missing",
            libpq: prefix + #"certificate present, but not private key file "/h/none.key""#,
            line: "ops: /h/none.key does not exist; put the certificate's key there"
        ),
        DiagnosisCase(
            label: "server speaks only TLS 1.0 and 1.1: not the client certificate's fault",
            libpq: prefix + "SSL error: tlsv1 alert protocol version\nThis may indicate that "
                + "the server does not support any SSL protocol version between TLSv1.2 and "
                + "TLSv1.3.",
            line: "ops: db.example.test:5432 offers no TLS version that libpq accepts (TLS 1.2 "
                + "or 1.3); ask the server's administrator to enable TLS 1.2 or 1.3"
        ),
        DiagnosisCase(
            label: "server without SSL",
            libpq: prefix + "server does not support SSL, but SSL was required",
            line: "ops: db.example.test:5432 does not offer SSL: the server has ssl = off, or "
                + "it is not the PostgreSQL server meant; check --host and --port, or ask the "
                + "server's administrator to turn ssl on"
        ),
        DiagnosisCase(
            label: "no route to host, with libpq's second line",
            libpq: #"connection to server at "2001:db8::1", port 5432 failed: No route to host"#
                + "\n\tIs the server running on that host and accepting TCP/IP connections?",
            line: "ops: db.example.test:5432 cannot be reached: no route to host; check the "
                + "address, and the network on the way (routes, VPN, firewall)"
        ),
        DiagnosisCase(
            label: "unknown database, without libpq's double space",
            libpq: prefix + #"FATAL:  database "nosuchdb" does not exist"#,
            line: "ops: db.example.test:5432 has no database 'nosuchdb'; check --db (Cerebro's "
                + "database is usually 'memoria')"
        ),
        DiagnosisCase(
            label: "unknown role",
            libpq: prefix + #"FATAL:  role "nobody" does not exist"#,
            line: "ops: db.example.test:5432 has no role 'nobody'; check --user, or ask the "
                + "server's administrator to create the role"
        ),
        DiagnosisCase(
            label: "an unrecognised text of two lines is collapsed to one",
            libpq: prefix + "something new\n\tand its second line",
            line: #"ops: connection to server at "127.0.0.1", port 5433 failed: something new "#
                + "and its second line; run with -v for more, or see the server's log"
        ),
    ]

    @Test(arguments: cases)
    func failureIsOneLineWithTheFileOrHostTheCauseAndTheFix(_ row: DiagnosisCase) {
        let failure = ConnectionFailure(kind: .rejected, message: row.libpq, timedOut: false)
        let result = CheckResult(name: "ops", preset: Self.preset, outcome: .failed(failure))

        let line = TestReport.oneLine("ops", TestReport.explain(failure, result))

        #expect(line == row.line)
        #expect(!line.contains("\n") && !line.contains("\t"))
        #expect(!line.contains("\u{FFFD}"))
    }

    /// Every cause the recogniser knows says where (host or file), what, and how to fix it.
    @Test func everyRecognisedCauseHasAFixAndNamesTheHostOrAFile() {
        let causes: [FailureCause] = [
            .clientCertificateUnknownToServer, .clientCertificateExpired,
            .clientCertificateRefused(alert: "certificate revoked"),
            .hostNameMismatch(certificateName: "localhost", otherNames: 2, host: "10.0.0.9"),
            .serverCertificateUntrusted, .clientCertificateRequired,
            .certificateUserMismatch(user: "cerebro_user"), .passwordRequired,
            .passwordFailed(user: "cerebro_pw"), .encryptionRequired,
            .noMatchingHBALine(user: "u", database: "d"),
            .unknownDatabase(name: "d"), .unknownRole(name: "u"), .tlsVersionUnsupported,
            .serverWithoutSSL, .hostUnreachable(reason: "no route to host"), .connectionRefused,
            .timedOut(.connecting), .timedOut(.answering), .timedOut(.querying),
            .unknownHost, .missingRootCertificate(path: "/p/ca.crt"),
            .unreadableRootCertificate(path: "/p/ca.crt"), .unreadableFile(path: "/p/client.key"),
            .keyPermissions(path: "/p/client.key"), .keyMismatch(path: "/p/client.key"),
            .keyFileMissing(path: "/p/client.key"), .encryptedKey(path: "/p/client.key"),
            .wrongPassphrase(path: "/p/client.key"), .serverClosedConnection,
        ]
        let context = FailureContext(preset: Self.preset)

        for cause in causes {
            let message = FailureMessages.explain(cause, context)
            let namesWhere =
                message.text.contains("db.example.test") || message.text.contains("/p/")
            #expect(namesWhere, "\(cause): \(message.text)")
            #expect(message.hint != nil, "\(cause)")
            let line = message.text + (message.hint ?? "")
            #expect(!line.contains("\n") && !line.contains("\t"), "\(cause)")
        }
    }

    @Test func anIPv6HostIsBracketed() {
        let failure = ConnectionFailure(
            kind: .noResponse,
            message: "Connection refused",
            timedOut: false,
            host: "::1"
        )
        let result = CheckResult(name: "v6", preset: Self.preset, outcome: .failed(failure))

        #expect(
            TestReport.explain(failure, result).text == "nothing accepts connections at [::1]:5432"
        )
    }

    @Test func findingsNameTheFileAndItsFolder() {
        let finding = Finding(
            path: "/etc/pki/pg/ops/client.key",
            kind: .keyPermissionsTooOpen(mode: 0o644, ownerUserID: 0, ownerIsCurrentUser: false)
        )

        let lines = CheckProblem.certificates([finding]).messages.map {
            TestReport.oneLine("ops", $0)
        }

        #expect(
            lines == [
                "ops: client.key: mode 0644, owner root — allowed is 0600 or stricter if you own it, "
                    + "0640 or stricter if root owns it (in /etc/pki/pg/ops); copy the key to a 0600 file you own"
            ]
        )
    }

    @Test func passphraseProblemsNameTheFileAndNeverItsContents() {
        let problems: [(PassphraseProblem, String)] = [
            (
                .required(keyPath: "/k/client.key"),
                "client.key is encrypted; a passphrase (sslpassword) is required (in /k)"
            ),
            (
                .notAnswered(keyPath: "/k/client.key"),
                "no passphrase was entered for client.key (in /k)"
            ),
            (
                .fileTooOpen(path: "/k/pass", mode: 0o640),
                "passphrase file /k/pass has mode 0640; it must be 0600 or stricter"
            ),
            (.notARegularFile(path: "/k"), "passphrase file /k is not a regular file"),
            (
                .fileUnreadable(path: "/k/pass", reason: "no such file or directory"),
                "passphrase file /k/pass cannot be read: no such file or directory"
            ),
            (.fileEmpty(path: "/k/pass"), "passphrase file /k/pass is empty"),
        ]

        for (problem, text) in problems {
            #expect(ErrorMessages.message(for: problem).text == text)
            #expect(CheckProblem.passphrase(problem).messages.map(\.text) == [text])
        }
    }

    @Test func passphraseFileHintQuotesThePathForTheShell() {
        let plain = ErrorMessages.message(
            for: PassphraseProblem.fileTooOpen(path: "/k/pass", mode: 0o644)
        )
        let spaced = ErrorMessages.message(
            for: PassphraseProblem.fileTooOpen(path: "/k/it's mine", mode: 0o644)
        )

        #expect(plain.hint == "run `chmod 600 /k/pass`")
        #expect(spaced.hint == "run `chmod 600 '/k/it'\\''s mine'`")
    }
}
