import CerebroConn
import Foundation
import Testing

@testable import CerebroCLI

/// The completion scripts as text: what `completion` prints, what each script derives from
/// the table, and whether each shell parses it.
@Suite
struct CompletionScriptTests {
    @Test(arguments: Shell.allCases)
    func completionCommandPrintsTheScript(shell: Shell) {
        let run = ToolRun(["completion", shell.rawValue])

        #expect(run.status == .success)
        #expect(run.output == shell.completionScript())
        #expect(run.error == "")
    }

    @Test
    func unknownShellIsAUsageError() {
        let run = ToolRun(["completion", "ksh"])

        #expect(run.status == .usage)
        #expect(run.output == "")
        #expect(
            run.error == """
                error: unknown shell 'ksh'; shells are bash, zsh, fish
                usage: cerebro-conn completion SHELL
                See 'cerebro-conn completion --help'.

                """
        )
    }

    @Test(arguments: Shell.allCases)
    func scriptOffersEveryVisibleCommandAndNoHiddenOne(shell: Shell) {
        let script = shell.completionScript()
        for command in CerebroTool.commands {
            #expect(script.contains(command.name) != command.isHidden, "\(shell): \(command.name)")
        }
    }

    @Test(arguments: Shell.allCases)
    func scriptOffersEveryOptionAndEveryChoice(shell: Shell) {
        let script = shell.completionScript()
        let options = GlobalOptions.specs + CerebroTool.commands.flatMap(\.options)
        for option in options {
            #expect(script.contains(option.long), "\(shell): --\(option.long)")
            if case .value(.choice(let words), _) = option.value {
                for word in words {
                    #expect(script.contains(word), "\(shell): --\(option.long) \(word)")
                }
            }
        }
    }

    @Test
    func bashNeverSplitsOrGlobsNames() {
        let script = Shell.bash.completionScript()

        #expect(!script.contains("compgen -W"))
        #expect(script.contains(#"printf -v quoted '%q\n' "${matches[@]}""#))
        #expect(
            script.contains(#"mapfile -t names < <(command "$tool" "${config[@]}" list --names"#)
        )
        #expect(script.contains("'show 0'"))
        #expect(script.contains("'test') REPLY=(presets) ;;"))
    }

    @Test
    func zshEscapesColonsForDescribeButNotForCompadd() {
        let model = CompletionModel(
            commands: [CommandSpec(name: "a:b", abstract: "x: y", run: { _, _ in .success })],
            globals: []
        )
        let script = Shell.zsh.completionScript(for: model)

        #expect(script.contains(#"'a\:b:x: y'"#))
        #expect(script.contains("_wanted presets expl preset compadd -a names"))
        #expect(!script.contains("_describe -t presets"))
    }

    @Test
    func zshSpecsEscapeBracketsAndColons() {
        let script = Shell.zsh.completionScript()

        #expect(script.contains(#"'(--host)--host=[server host name or address"#))
        #expect(script.contains(#":H[\:P]: '"#))
        #expect(script.contains(#"'(--verify)--verify=["#))
        #expect(script.contains(":LEVEL:(full ca none)'"))
        #expect(script.contains("'*--config=["))
        #expect(script.contains(":DIR:_files -/'"))
    }

    @Test
    func fishCompletesNamesOnlyWhereANameGoes() {
        let script = Shell.fish.completionScript()

        #expect(
            script.contains("-n '__cerebro_conn_argument show 0' -a '(__cerebro_conn_presets)'")
        )
        #expect(
            script.contains("-n '__cerebro_conn_argument test 0 +' -a '(__cerebro_conn_presets)'")
        )
        #expect(!script.contains("-n __cerebro_conn_needs_command -a '(__cerebro_conn_presets)'"))
        #expect(script.contains("-l verify -x -a 'full ca none'"))
    }

    @Test(
        .enabled(
            if: Shell.allCases.allSatisfy { Subprocess.which($0.rawValue) != nil }
                || Repository.isCI
        ),
        arguments: Shell.allCases
    )
    func shellParsesTheScript(shell: Shell) throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/" + shell.scriptFileName
        try shell.completionScript().write(toFile: path, atomically: true, encoding: .utf8)

        let result = try Subprocess.run(shell.rawValue, ["-n", path])

        #expect(result.status == 0, "\(shell) -n: \(result.error)")
        #expect(result.error == "")
    }
}
