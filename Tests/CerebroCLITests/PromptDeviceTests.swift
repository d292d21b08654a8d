import Foundation
import Testing

/// The passphrase prompt is on the controlling terminal, where the person is, whatever
/// standard input and standard error are; Ctrl-D there is answered as from a terminal.
@Suite(.enabled(if: PromptTerminal.shouldRun), .timeLimit(.minutes(2)))
struct PromptDeviceTests {
    @Test(arguments: ["2>/dev/null", "</dev/null", "</dev/null 2>/dev/null"])
    func promptShowsAndIsAnsweredWithStreamsRedirected(redirection: String) throws {
        let shell = try EncryptedPresetShell()
        let terminal = shell.terminal

        try terminal.run(#""$B" test sec \#(redirection); echo "status:$?""#)
        try terminal.waitFor(shell.prompt)
        try terminal.tmux.type(PassphraseLiveTests.passphrase)
        try terminal.tmux.press("Enter")

        let status = try terminal.status()
        let screen = try terminal.tmux.screen()
        #expect(status == 0, "\(screen)")
        // The prompt, then the result on the next line: the unechoed Enter was made up for.
        #expect(screen.contains(shell.prompt + "\nsec: accepted\n"), "\(screen)")
        #expect(!screen.contains(PassphraseLiveTests.passphrase), "\(screen)")
    }

    @Test func ctrlDAtThePromptDoesNotSendThePersonToATerminal() throws {
        let shell = try EncryptedPresetShell()
        let terminal = shell.terminal

        try terminal.run(#""$B" test sec; echo "status:$?""#)
        try terminal.waitFor(shell.prompt)
        try terminal.tmux.press("C-d")

        let status = try terminal.status()
        let screen = try terminal.tmux.screen()
        #expect(status == 3, "\(screen)")
        #expect(
            screen.replacing("\n", with: "").contains(
                "error: sec: no passphrase was entered for client.key (in \(shell.folder)); type "
                    + "the passphrase at the prompt, or pass '--passphrase-file FILE' (mode 0600)"
            ),
            "\(screen)"
        )
    }
}
