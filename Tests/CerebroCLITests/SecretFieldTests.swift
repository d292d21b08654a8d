import Foundation
import Testing

/// A `password` written into a preset file by hand: every command that reads the file warns,
/// naming it and the fix, never the value; a rewrite drops the field.
struct SecretFieldTests {
    let scratch = Scratch()
    static let sentinel = "hunter2-sentinel"

    func run(_ arguments: [String]) -> ToolOutput {
        ToolHarness.run(arguments, environment: scratch.environment)
    }

    private var file: String { scratch.path + "/config/presets/a.json" }

    /// Adds preset `a`, then writes the secret fields into its file by hand.
    private func addPreset(
        withSecrets secrets: [String],
        _ options: [String] = ["--ssl", "--verify", "none"]
    ) throws {
        #expect(run(["add", "a", "--host", "h"] + options).status == 0)
        var text = try String(contentsOfFile: file, encoding: .utf8)
        let fields = secrets.map { "\"\($0)\": \"\(Self.sentinel)\", " }.joined()
        text = text.replacingOccurrences(of: "{", with: "{" + fields)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    }

    private var ignored: String {
        "warning: \(file): field 'password' is ignored: a preset never holds a password\n"
            + "  hint: delete it from the file; give the password through PGPASSWORD or "
            + "~/.pgpass, and a key's passphrase at the prompt or with 'test --passphrase-file'\n"
    }

    @Test(arguments: [["show", "a"], ["show", "a", "--json"], ["list"], ["certs", "a"]])
    func readingWarnsAndNeverPrintsTheValue(_ arguments: [String]) throws {
        try addPreset(withSecrets: ["password"])

        let result = run(arguments)

        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.hasPrefix(ignored), "\(result.err)")
        #expect(!result.out.contains(Self.sentinel))
        #expect(!result.err.contains(Self.sentinel))
    }

    @Test func testWarnsToo() throws {
        // No CA for '--verify full': stopped before any connection, after reading the file.
        try addPreset(withSecrets: ["password"], ["--ssl"])

        let result = run(["test", "a"])

        #expect(result.status == 3)
        #expect(result.err.hasPrefix(ignored), "\(result.err)")
        #expect(!result.err.contains(Self.sentinel))
    }

    @Test func quietSilencesTheWarning() throws {
        try addPreset(withSecrets: ["password"])

        #expect(run(["-q", "show", "a"]).err == "")
    }

    @Test func editRemovesThemAndSaysSo() throws {
        try addPreset(withSecrets: ["password", "sslpassword"])

        let edit = run(["edit", "a", "--port", "6000"])
        let after = run(["show", "a"])

        #expect(edit.status == 0)
        #expect(
            edit.err == """
                warning: \(file): fields 'password', 'sslpassword' were removed: a preset never \
                holds a password
                  hint: give the password through PGPASSWORD or ~/.pgpass, and a key's \
                passphrase at the prompt or with 'test --passphrase-file'
                note: updated preset 'a'

                """
        )
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains(Self.sentinel))
        #expect(after.err == "")
    }

    @Test func renameRemovesThemAndNamesTheNewFile() throws {
        try addPreset(withSecrets: ["password"])

        let rename = run(["rename", "a", "b"])

        let renamed = scratch.path + "/config/presets/b.json"
        #expect(rename.status == 0)
        #expect(
            rename.err.hasPrefix(
                "warning: \(renamed): field 'password' was removed: "
                    + "a preset never holds a password\n"
            )
        )
        #expect(!(try String(contentsOfFile: renamed, encoding: .utf8)).contains(Self.sentinel))
    }
}
