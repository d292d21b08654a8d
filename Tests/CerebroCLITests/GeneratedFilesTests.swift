import Foundation
import Testing

@testable import CerebroCLI

/// The committed completion scripts and man page are exactly what the generator prints.
@Suite
struct GeneratedFilesTests {
    @Test(arguments: Shell.allCases)
    func committedCompletionScriptMatchesTheTable(shell: Shell) throws {
        let path = "completions/\(shell.scriptFileName)"
        let committed = try String(contentsOfFile: Repository.root + "/" + path, encoding: .utf8)
        #expect(committed == shell.completionScript(), "\(path) is stale: run scripts/generate")
    }

    @Test
    func committedManPageMatchesTheTable() throws {
        let path = Repository.root + "/man/cerebro-conn.1"
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == ManPage.render(), "man/cerebro-conn.1 is stale: run scripts/generate")
    }

    @Test
    func manPageDocumentsEveryVisibleCommandAndOption() {
        let page = ManPage.render()
        for command in CerebroTool.commands {
            #expect(page.contains(".SS \(command.name)\n") != command.isHidden, "\(command.name)")
            for option in command.options where !command.isHidden {
                #expect(page.contains("\\fB\\-\\-\(ManPage.escape(option.long))\\fR"))
            }
        }
        #expect(page.hasPrefix(#".\" Generated from the command table"#))
        #expect(page.contains(".TH CEREBRO-CONN 1 \"\" \"cerebro-conn \(CerebroTool.version)\""))
    }

    @Test
    func manPageEscapesRoffControlCharacters() {
        #expect(ManPage.escape("--help") == #"\-\-help"#)
        #expect(ManPage.escape(#"C:\dir"#) == #"C:\edir"#)
        #expect(ManPage.escape(".starts with a dot") == #"\&.starts with a dot"#)
        #expect(ManPage.escape("it's") == #"it\(aqs"#)
    }
}
