import Foundation
import Testing

/// libpq ignores `sslmode` for a Unix-socket host (libpq-notes 1.1), so a preset never
/// requires SSL there: `add` and `edit` refuse it, and a preset file that says so anyway is
/// not connected and never promised verification.
@Suite struct SocketHostSSLTests {
    let scratch = Scratch()
    let socket = "/var/run/postgresql"

    func run(_ arguments: [String]) -> ToolOutput {
        ToolHarness.run(arguments, environment: scratch.environment)
    }

    @Test func addRefusesSSLWithASocketFolder() {
        let refused = run(["add", "sock", "--host", socket, "--ssl"])
        let plain = run(["add", "sock", "--host", socket])

        #expect(refused.status == 64)
        #expect(
            refused.err.hasPrefix(
                "error: '--ssl' cannot be used with the socket folder '\(socket)': libpq never "
                    + "uses SSL over a Unix socket; give a host name or address to use SSL, or "
                    + "leave out '--ssl'\nusage: cerebro-conn add"
            )
        )
        #expect(plain.status == 0, "\(plain.err)")
    }

    @Test func editRefusesSSLWithASocketFolderInEitherOrder() {
        _ = run(["add", "sock", "--host", socket])
        _ = run(["add", "tcp", "--host", "db.example.test", "--ssl"])

        let ssl = run(["edit", "sock", "--ssl"])
        let host = run(["edit", "tcp", "--host", "db.example.test,\(socket)"])

        #expect(ssl.status == 64)
        #expect(
            ssl.err.hasPrefix(
                "error: '--ssl' cannot be used with the socket folder '\(socket)': libpq never "
                    + "uses SSL over a Unix socket; give a host name or address to use SSL, or add "
                    + "'--no-ssl'\n"
            )
        )
        #expect(host.status == 64)
        #expect(
            host.err.hasPrefix(
                "error: preset 'tcp' requires SSL, and its host '\(socket)' is a socket folder: "
                    + "libpq never uses SSL over a Unix socket; give a host name or address to use "
                    + "SSL, or add '--no-ssl'\n"
            )
        )
        #expect(run(["edit", "tcp", "--host", socket, "--no-ssl"]).status == 0)
    }

    /// A preset file edited by hand to require SSL over a socket.
    @Test func aHandEditedPresetIsNotAttemptedAndPromisesNothing() throws {
        #expect(run(["add", "sock", "--host", socket]).status == 0)
        let file = scratch.path + "/config/presets/sock.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try Data(
            text.replacing(#""ssl_required" : false"#, with: #""ssl_required" : true"#).utf8
        ).write(to: URL(fileURLWithPath: file))

        let shown = run(["show", "sock"])
        let tested = run(["--color", "never", "test", "sock"])
        let json = run(["test", "sock", "--json"])
        let edited = run(["edit", "sock", "--port", "5433"])
        let cleared = run(["edit", "sock", "--no-ssl"])

        let expected =
            "the preset requires SSL, but its host '\(socket)' is a Unix-socket folder, where "
            + "libpq never uses SSL"
        #expect(shown.status == 1)
        #expect(!shown.out.contains("will be verified"))
        #expect(shown.err.contains("error: \(expected)\n"))
        #expect(tested.status == 3)
        #expect(tested.out == "sock: not attempted\n")
        #expect(
            tested.err
                == "error: sock: \(expected); give a host name or address to use SSL, or drop the "
                + "requirement with 'cerebro-conn edit sock --no-ssl'\n"
        )
        let object = try #require(try JSONObjects.parse(json.out).first)
        #expect(object["status"] as? String == "not attempted")
        #expect(object["exit_code"] as? Int == 3)
        #expect(object["cause"] as? String == expected)
        #expect(edited.status == 64)
        #expect(cleared.status == 0, "\(cleared.err)")
        #expect(run(["show", "sock"]).out.contains("  sslmode=prefer\n"))
    }
}
