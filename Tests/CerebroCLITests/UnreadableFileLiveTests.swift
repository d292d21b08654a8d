import Foundation
import Testing

@testable import CerebroCLI
@testable import CerebroConn

#if canImport(Glibc)
    import Glibc
#endif

/// A certificate or key that exists but that the user who connects may not read.
///
/// Root reads any file whatever its mode, and the tests run as root, so the user who connects
/// is `nobody` (uid 65534): the built binary runs under `setpriv`, and libpq, called in this
/// process, runs on a thread whose filesystem uid is 65534.
@Suite struct UnreadableFileLiveTests {
    /// The check before connecting: the tool, run as `nobody`, names the key it cannot read and
    /// never calls libpq; the same preset run by root connects.
    @Test func keyTheUserCannotReadStopsBeforeLibpq() throws {
        try #require(getuid() == 0, "this test needs root, to run the tool as nobody")
        let session = try LiveSession()
        let folder = try Self.setNobodyCanList(session)
        let nobody = try UnprivilegedUser(in: session.scratch)
        try nobody.expectSuccess([
            "add", "k", "--host", "localhost", "--port", session.server.port, "--user",
            "cerebro_user", "--ssl", "--certdir", folder,
        ])

        let refused = try nobody.run(["test", "-v", "k"])
        let asRoot = try ToolHarness.runBinary(
            ["--config", nobody.config, "test", "k"],
            environment: session.scratch.environment
        )

        #expect(refused.status == 3)
        #expect(refused.output == "k: not attempted\n")
        #expect(
            refused.error
                == "error: k: client.key cannot be read: permission denied (in \(folder)); make "
                + "client.key readable by the user who connects\n"
        )
        #expect(asRoot.status == 0, "\(asRoot.err)")
    }

    /// libpq's own report of an unreadable file, with the checks bypassed: the cause is
    /// recognised from the words around libpq's reason, which is not to be trusted.
    ///
    /// With libpq 15.18 and OpenSSL 3.0 the reason for the key and the certificate is
    /// uninitialised bytes (libpq's `SSLerrmessage`), different on every run; for ca.crt it is
    /// OpenSSL's "system lib". Only the words before it are checked.
    ///
    /// Run in this process on a thread whose filesystem uid is `nobody`: setfsuid(2) acts on
    /// the calling thread only (glibc does not pass it on to other threads, as it does setuid
    /// and seteuid), so the tests running beside this one keep root's rights, and the probe
    /// is synchronous, so it never leaves the thread.
    @Test(arguments: ["client.key", "client.crt", "ca.crt"])
    func libpqsGarbledReasonStillNamesTheFile(_ file: String) throws {
        try #require(getuid() == 0, "this test needs root, to read files as nobody")
        let session = try LiveSession()
        let folder = try Self.setNobodyCanList(session)
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o600],
            ofItemAtPath: folder + "/" + file
        )
        let plan = try session.directPlan(folder: folder, host: "127.0.0.1")

        let outcome = try FilesystemUser.nobody.run { ConnectionProbe.run(plan) }

        let failure = try #require(outcome.failure)
        let path = folder + "/" + file
        let libpqWords = [
            "client.key": "could not load private key file \"\(path)\": ",
            "client.crt": "could not read certificate file \"\(path)\": ",
            "ca.crt": "could not read root certificate file \"\(path)\": ",
        ]
        let attempt = "connection to server at \"127.0.0.1\", port \(session.server.port) failed: "
        #expect(failure.message.hasPrefix(attempt + (libpqWords[file] ?? "?")), "\(failure)")
        #expect(FailureCause.recognise(failure) == .unreadableFile(path: path))
        let result = CheckResult(
            name: "k",
            preset: plan.preset,
            plan: plan,
            outcome: .failed(failure)
        )
        #expect(
            TestReport.oneLine("k", TestReport.explain(failure, result))
                == "k: \(path) cannot be read (libpq's own reason text is unreliable here); check "
                + "that the file belongs to you and is readable"
        )
    }

    /// A copy of the fixture's good set that `nobody` can list, in a folder it can reach:
    /// certificates 0644, the key 0600, all owned by root.
    static func setNobodyCanList(_ session: LiveSession) throws -> String {
        let folder = try session.copySet("good", to: "set")
        for path in [session.scratch.path, folder] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        for file in ["client.crt", "ca.crt"] {
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o644],
                ofItemAtPath: folder + "/" + file
            )
        }
        return folder
    }
}

/// The filesystem uid of the calling thread, changed for the length of a synchronous call.
struct FilesystemUser {
    static let nobody = FilesystemUser(uid: UnprivilegedUser.nobody)

    let uid: UInt32

    private typealias SetFSUID = @convention(c) (UInt32) -> Int32

    /// Runs `body` on this thread with file access checked as `uid`, then gives root back.
    ///
    /// Moving the filesystem uid off 0 also drops the thread's CAP_DAC_OVERRIDE and
    /// CAP_DAC_READ_SEARCH, so file modes apply; moving it back restores them.
    func run<T>(_ body: () throws -> T) throws -> T {
        // setfsuid is in <sys/fsuid.h>, which Swift's Glibc module does not include.
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "setfsuid") else {
            throw CommandError(command: "dlsym setfsuid", message: "not found")
        }
        let setfsuid = unsafeBitCast(symbol, to: SetFSUID.self)
        let previous = UInt32(bitPattern: setfsuid(uid))
        defer { _ = setfsuid(previous) }
        // An invalid uid changes nothing and returns the current one: a check that it took.
        guard UInt32(bitPattern: setfsuid(UInt32.max)) == uid else {
            throw CommandError(command: "setfsuid \(uid)", message: "the uid did not change")
        }
        return try body()
    }
}
