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

    @Test
    func prefixIsRequired() throws {
        let result = try Subprocess.run(Repository.root + "/scripts/install", [])

        #expect(result.status == 64)
        #expect(result.error == "usage: scripts/install [--bin PATH] PREFIX\n")
    }
}
