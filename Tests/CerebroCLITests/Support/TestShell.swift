import Foundation

/// A shell the completion tests drive, with the configuration that loads the committed script.
enum TestShell: String, CaseIterable, Sendable {
    case bash
    case zsh
    case fish

    /// Whether this shell and tmux are installed.
    var isInstalled: Bool {
        Subprocess.which(rawValue) != nil && Subprocess.which("tmux") != nil
    }

    /// Whether the test runs: the tools are there, or CI is asking, where missing ones fail.
    var shouldRun: Bool {
        isInstalled || Repository.isCI
    }

    /// Writes the start-up files into `home`: a `$ ` prompt, no greeting, no autosuggestions,
    /// and the committed completion script from `completions/`.
    func writeConfiguration(home: String) throws {
        let completions = Repository.root + "/completions"
        let (path, text): (String, String)
        switch self {
        case .bash:
            path = home + "/.bashrc"
            text = """
                PS1='$ '
                bind 'set bell-style none'
                source '\(completions)/cerebro-conn.bash'

                """
        case .zsh:
            path = home + "/.zshrc"
            text = """
                PROMPT='$ '
                RPROMPT=''
                unsetopt BEEP
                fpath=('\(completions)' $fpath)
                autoload -Uz compinit && compinit -u -D

                """
        case .fish:
            path = home + "/.config/fish/config.fish"
            text = """
                set -g fish_greeting ''
                set -g fish_autosuggestion_enabled 0
                function fish_prompt; printf '$ '; end
                function fish_right_prompt; end
                source '\(completions)/cerebro-conn.fish'

                """
        }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The interactive shell's argv, after `env`'s variables.
    func interactiveCommand(home: String) -> [String] {
        switch self {
        case .bash: ["bash", "--noprofile", "--rcfile", home + "/.bashrc", "-i"]
        case .zsh: ["zsh", "-i"]
        case .fish: ["fish", "-i"]
        }
    }

    /// The argv that runs `script` without any start-up file.
    func scriptCommand(_ script: String) -> [String] {
        switch self {
        case .bash: ["--noprofile", "--norc", "-c", script]
        case .zsh: ["-f", "-c", script]
        case .fish: ["--no-config", "-c", script]
        }
    }
}
