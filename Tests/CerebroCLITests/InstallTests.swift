import Foundation
import Testing

@testable import CerebroCLI

/// `scripts/install PREFIX` puts every file where each shell and man look by default.
@Suite
struct InstallTests {
    @Test
    func installsTheBinaryManPageAndCompletionScriptsUnderThePrefix() throws {
        let folder = try TemporaryFolder()
        let prefix = folder.path + "/prefix"
        let tool = try Repository.builtTool()

        let result = try Subprocess.run(
            Repository.root + "/scripts/install",
            ["--bin", tool, prefix],
            seconds: 60
        )

        #expect(result.status == 0, "\(result.error)")
        let expected: [(String, String?, Int)] = [
            ("bin/cerebro-conn", nil, 0o755),
            ("share/man/man1/cerebro-conn.1", ManPage.render(), 0o644),
            (
                "share/bash-completion/completions/cerebro-conn", Shell.bash.completionScript(),
                0o644
            ),
            ("share/zsh/site-functions/_cerebro-conn", Shell.zsh.completionScript(), 0o644),
            (
                "share/fish/vendor_completions.d/cerebro-conn.fish", Shell.fish.completionScript(),
                0o644
            ),
        ]
        for (path, content, mode) in expected {
            let file = prefix + "/" + path
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? Int) == mode, "\(path)")
            if let content {
                #expect(try String(contentsOfFile: file, encoding: .utf8) == content, "\(path)")
            }
            #expect(result.output.contains("installed \(file)\n"))
        }
        let version = try Subprocess.run(prefix + "/bin/cerebro-conn", ["--version"])
        #expect(version.output == "cerebro-conn \(CerebroTool.version)\n")
    }

    @Test
    func destdirStagesUnderItWithoutChangingThePrefix() throws {
        let folder = try TemporaryFolder()
        var environment = ProcessInfo.processInfo.environment
        environment["DESTDIR"] = folder.path + "/stage"

        let result = try Subprocess.run(
            Repository.root + "/scripts/install",
            ["--bin", try Repository.builtTool(), "/usr/local"],
            environment: environment,
            seconds: 60
        )

        #expect(result.status == 0, "\(result.error)")
        let staged = folder.path + "/stage/usr/local/share/zsh/site-functions/_cerebro-conn"
        #expect(FileManager.default.fileExists(atPath: staged))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/stage/bin"))
    }

    /// A prefix no program searches, with a space and a quote in it: each note gives a line
    /// that, pasted into its shell, makes that program find the installed file.
    @Test
    func notesGiveLinesThatWorkForAPrefixWithSpacesAndQuotes() throws {
        let folder = try TemporaryFolder()
        let prefix = folder.path + "/it's a prefix"
        let quoted = "'" + prefix.replacing("'", with: #"'\''"#)
        let environment = ["PATH": "/usr/bin:/bin", "HOME": folder.path + "/home"]

        let result = try Subprocess.run(
            Repository.root + "/scripts/install",
            ["--bin", try Repository.builtTool(), prefix],
            environment: environment,
            seconds: 60
        )

        #expect(result.status == 0, "\(result.error)")
        let notes = Dictionary(
            result.error.split(separator: "\n").compactMap(Self.note),
            uniquingKeysWith: { $1 }
        )
        #expect(notes["PATH"] == #"export PATH=\#(quoted)/bin':"$PATH""#)
        let path = try Self.run("/bin/sh", notes["PATH"], "command -v cerebro-conn", environment)
        #expect(path == prefix + "/bin/cerebro-conn\n")
        #expect(
            notes["bash"] == "source \(quoted)/share/bash-completion/completions/cerebro-conn'"
        )
        let bash = try Self.run("/bin/bash", notes["bash"], "complete -p cerebro-conn", environment)
        #expect(bash?.hasSuffix(" cerebro-conn\n") == true, "\(bash ?? "")")
        if Subprocess.which("manpath") != nil {
            #expect(notes["man"] == #"export MANPATH=\#(quoted)/share/man':"$MANPATH""#)
            let page = try Self.run("/bin/sh", notes["man"], "man -w cerebro-conn", environment)
            #expect(page == prefix + "/share/man/man1/cerebro-conn.1\n")
        }
        if let zsh = Subprocess.which("zsh") {
            #expect(notes["zsh"] == "fpath=(\(quoted)/share/zsh/site-functions' $fpath)")
            let fpath = try Self.run(zsh, notes["zsh"], "print -l -- $fpath", environment)
            #expect(fpath?.hasPrefix(prefix + "/share/zsh/site-functions\n") == true)
        }
    }

    /// Staged for /usr/local, where PATH, man, bash-completion and the shells all look
    /// already: nothing to add, so no note.
    @Test
    func noNoteWhereEveryProgramLooksAlready() throws {
        let folder = try TemporaryFolder()
        let environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": folder.path + "/home",
            "XDG_DATA_DIRS": "/usr/local/share:/usr/share", "DESTDIR": folder.path + "/stage",
        ]

        let result = try Subprocess.run(
            Repository.root + "/scripts/install",
            ["--bin", try Repository.builtTool(), "/usr/local"],
            environment: environment,
            seconds: 60
        )

        #expect(result.status == 0, "\(result.error)")
        // man-db lists /usr/local/share/man only where the folder exists.
        let manFindsIt = FileManager.default.fileExists(atPath: "/usr/local/share/man")
        let expected = manFindsIt ? "" : result.error
        #expect(result.error == expected)
        #expect(!result.error.contains("note: PATH"))
        #expect(!result.error.contains("note: bash"))
    }

    /// The program a note is for, and the line it says to paste (what follows its last ': ').
    static func note(_ line: Substring) -> (String, String)? {
        guard line.hasPrefix("note: "), let colon = line.dropFirst(6).firstIndex(of: ":") else {
            return nil
        }
        let program = String(line[line.index(line.startIndex, offsetBy: 6)..<colon])
        guard let paste = line.ranges(of: ": ").last else {
            return (program, "")
        }
        return (program, String(line[paste.upperBound...]))
    }

    /// What `shell` prints running `pasted` and then `check`; nil when there is no line.
    static func run(
        _ shell: String,
        _ pasted: String?,
        _ check: String,
        _ environment: [String: String]
    ) throws -> String? {
        guard let pasted else {
            return nil
        }
        let flags = shell.hasSuffix("zsh") ? ["-f", "-c"] : ["-c"]
        return try Subprocess.run(shell, flags + [pasted + "; " + check], environment: environment)
            .output
    }

    @Test
    func prefixIsRequired() throws {
        let result = try Subprocess.run(Repository.root + "/scripts/install", [])

        #expect(result.status == 64)
        #expect(result.error == "usage: scripts/install [--bin PATH] PREFIX\n")
    }
}
