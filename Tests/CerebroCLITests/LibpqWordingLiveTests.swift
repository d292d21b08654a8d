import Foundation
import Testing

@testable import CerebroCLI
@testable import CerebroConn

/// A broken set, as libpq sees it when the tool's checks are bypassed.
struct LibpqWordingCase: Sendable, CustomTestStringConvertible {
    /// What is wrong with the set.
    var label: String
    /// Breaks a copy of the fixture's good set in `folder`.
    var breakSet: @Sendable (_ folder: String, _ server: LiveServer) throws -> Void
    /// libpq's reason, after `connection to server at "127.0.0.1", port N failed: `.
    var reason: @Sendable (_ folder: String) -> String
    /// The cause the tool must recognise in it.
    var cause: @Sendable (_ folder: String) -> FailureCause

    var testDescription: String { label }
}

/// libpq's own words for the failures the checks before connecting normally stop first.
///
/// `test` never lets libpq see these sets, so each plan is run with `ConnectionProbe` directly,
/// against the real server, and libpq's real text must map to its cause: a libpq with other
/// wording fails here instead of falling back to "unrecognised" in the field.
@Suite struct LibpqWordingLiveTests {
    static let cases: [LibpqWordingCase] = [
        LibpqWordingCase(
            label: "key mode 0644",
            breakSet: { folder, _ in
                try FileManager.default.setAttributes(
                    [.posixPermissions: 0o644],
                    ofItemAtPath: folder + "/client.key"
                )
            },
            reason: { folder in
                "private key file \"\(folder)/client.key\" has group or world access; file must "
                    + "have permissions u=rw (0600) or less if owned by the current user, or "
                    + "permissions u=rw,g=r (0640) or less if owned by root"
            },
            cause: { .keyPermissions(path: $0 + "/client.key") }
        ),
        LibpqWordingCase(
            label: "key from another pair",
            breakSet: { folder, server in
                try FileManager.default.removeItem(atPath: folder + "/client.key")
                try server.copySet("rogue", to: folder, only: ["client.key"])
            },
            reason: { "could not load private key file \"\($0)/client.key\": key values mismatch" },
            cause: { .keyMismatch(path: $0 + "/client.key") }
        ),
        LibpqWordingCase(
            label: "missing key file",
            breakSet: { folder, _ in
                try FileManager.default.removeItem(atPath: folder + "/client.key")
            },
            reason: { "certificate present, but not private key file \"\($0)/client.key\"" },
            cause: { .keyFileMissing(path: $0 + "/client.key") }
        ),
        LibpqWordingCase(
            label: "verify-full without the root certificate",
            breakSet: { folder, _ in
                try FileManager.default.removeItem(atPath: folder + "/ca.crt")
            },
            reason: { folder in
                "root certificate file \"\(folder)/ca.crt\" does not exist\n"
                    + "Either provide the file or change sslmode to disable server certificate "
                    + "verification."
            },
            cause: { .missingRootCertificate(path: $0 + "/ca.crt") }
        ),
    ]

    /// Under `--ssl` (verify-full), one attempt: libpq's text and the cause.
    @Test(arguments: cases)
    func libpqsTextMapsToItsCause(_ row: LibpqWordingCase) throws {
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "set")
        try row.breakSet(folder, session.server)

        let failure = try probe(session, Self.set(in: folder), sslRequired: true)

        let port = session.server.port
        #expect(failure.kind == .rejected)
        #expect(
            failure.message
                == "connection to server at \"127.0.0.1\", port \(port) failed: \(row.reason(folder))"
        )
        #expect(FailureCause.recognise(failure) == row.cause(folder))
    }

    /// Without `--ssl` (sslmode=prefer) libpq retries without SSL after the failed SSL attempt,
    /// and pg_hba.conf refuses the retry: the SSL attempt still explains the failure.
    @Test(arguments: cases.filter { $0.label != "verify-full without the root certificate" })
    func preferRetryDoesNotHideTheCause(_ row: LibpqWordingCase) throws {
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "set")
        try row.breakSet(folder, session.server)

        let failure = try probe(session, Self.set(in: folder), sslRequired: false)

        let attempt = "connection to server at \"127.0.0.1\", port \(session.server.port) failed: "
        #expect(
            failure.message
                == attempt + row.reason(folder) + "\n" + attempt + "FATAL:  pg_hba.conf rejects "
                + "connection for host \"127.0.0.1\", user \"cerebro_user\", database "
                + "\"memoria\", no encryption"
        )
        #expect(FailureCause.recognise(failure) == row.cause(folder))
    }

    /// Connects to the fixture at 127.0.0.1 with `set`, skipping every check of its files.
    func probe(
        _ session: LiveSession,
        _ set: CertificateSet,
        sslRequired: Bool
    ) throws -> ConnectionFailure {
        let plan = try session.directPlan(
            folder: set.folder,
            host: "127.0.0.1",
            sslRequired: sslRequired,
            set: set
        )
        return try #require(ConnectionProbe.run(plan).failure)
    }

    /// The set in `folder` as lookup would find it whole: client.crt, client.key and ca.crt.
    static func set(in folder: String) -> CertificateSet {
        CertificateSet(folder: folder, role: .preset, naming: .plain, authority: folder + "/ca.crt")
    }
}
