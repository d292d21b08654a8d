/// The fish completion script, derived from the command table.
///
/// fish escapes each candidate itself when it inserts it, and output of a command
/// substitution is split at newlines only and never glob-expanded, so preset names are
/// printed one per line as they are.
struct FishCompletion {
    /// The table to complete.
    var model: CompletionModel

    /// The whole script.
    var script: String {
        [
            header,
            stateFunction,
            Self.conditionFunctions,
            Self.presetsFunction,
            completions,
        ].joined(separator: "\n")
    }

    private var tool: String { model.toolName }

    private var header: String {
        """
        # fish completion for \(tool)
        # Generated from the command table by `\(tool) completion fish`; do not edit.
        # Install as share/fish/vendor_completions.d/\(tool).fish, or in
        # ~/.config/fish/completions.

        """
    }

    private var stateFunction: String {
        let valueOptions = (model.globals + model.commands.flatMap(\.options))
            .filter { model.action(for: $0) != nil }
            .flatMap(model.spellings(of:))
        let unique = valueOptions.reduce(into: [String]()) { list, spelling in
            if !list.contains(spelling) {
                list.append(spelling)
            }
        }
        return """
            # Prints, one per line, what the line before the cursor holds: the command (or an
            # empty line), how many of its arguments come before the cursor, the --config value,
            # and the option still waiting for its value.
            function __cerebro_conn_state
                set -l tokens (commandline -opc)
                set -e tokens[1]
                set -l command ''
                set -l position 0
                set -l config ''
                set -l pending ''
                set -l ended 0
                for token in $tokens
                    if test -n "$pending"
                        test "$pending" = --config; and set config $token
                        set pending ''
                    else if test $ended = 0; and string match -q -- '-?*' $token
                        switch $token
                            case --
                                set ended 1
                            case '--config=*'
                                set config (string replace -- --config= '' $token)
                            case \(unique.joined(separator: " "))
                                set pending $token
                        end
                    else if test -z "$command"
                        set command $token
                    else
                        set position (math $position + 1)
                    end
                end
                printf '%s\\n' "$command" $position "$config" "$pending"
            end

            """
    }

    // MARK: - complete lines

    private var completions: String {
        var lines = ["complete -c \(tool) -f"]
        lines += model.commands.map { command in
            "complete -c \(tool) -n __cerebro_conn_needs_command -a \(quoted(command.name))"
                + " -d \(ShellQuoting.fishSingleQuoted(command.abstract))"
        }
        lines += model.globals.map { option($0, condition: nil) }
        for command in model.commands {
            let condition = "__cerebro_conn_using \(escaped(command.name))"
            lines += command.options.map { option($0, condition: condition) }
            lines += model.positions(of: command).flatMap { argument($0, of: command) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `complete` line of one option, under `condition` if it has one.
    private func option(_ option: OptionSpec, condition: String?) -> String {
        var line = "complete -c \(tool)"
        if let condition {
            line += " -n " + ShellQuoting.fishSingleQuoted(condition)
        }
        if let short = option.short {
            line += " -s \(short)"
        }
        line += " -l \(option.long)"
        if let action = model.action(for: option) {
            line += " -x" + arguments(action)
        }
        return line + " -d " + ShellQuoting.fishSingleQuoted(option.help)
    }

    /// The `complete` lines of one positional argument.
    private func argument(_ position: ArgumentPosition, of command: CommandSpec) -> [String] {
        let action = model.action(for: position.argument.kind)
        let condition =
            "__cerebro_conn_argument \(escaped(command.name)) \(position.index)"
            + (position.isOpenEnded ? " +" : "")
        let head = "complete -c \(tool) -n \(ShellQuoting.fishSingleQuoted(condition))"
        guard action == .commandNames else {
            let arguments = arguments(action)
            return arguments.isEmpty ? [] : [head + arguments]
        }
        return model.commands.map { command in
            let description = ShellQuoting.fishSingleQuoted(command.abstract)
            return head + " -a \(quoted(command.name)) -d \(description)"
        }
    }

    /// The ` -a ...` part offering what `action` names, or nothing.
    private func arguments(_ action: CompletionAction) -> String {
        switch action {
        case .nothing: ""
        case .directories: " -a '(__fish_complete_directories)'"
        case .files: " -a '(__fish_complete_path)'"
        case .presetNames: " -a '(__cerebro_conn_presets)'"
        case .commandNames:
            " -a " + quoted(model.commands.map { escaped($0.name) }.joined(separator: " "))
        case .words(let words): " -a " + quoted(words.map(escaped).joined(separator: " "))
        }
    }

    /// `word` escaped for the list fish reads from an `-a` string.
    private func escaped(_ word: String) -> String {
        ShellQuoting.backslashed(word, Set(#" \'"$*?()[]{}<>&|;#~"#))
    }

    private func quoted(_ text: String) -> String {
        ShellQuoting.fishSingleQuoted(text)
    }

    // MARK: - Fixed helpers

    private static let conditionFunctions = #"""
        # Succeeds where the command name goes.
        function __cerebro_conn_needs_command
            set -l state (__cerebro_conn_state)
            test -z "$state[1]"; and test -z "$state[4]"
        end

        # Succeeds when the command is one of the arguments.
        function __cerebro_conn_using
            set -l state (__cerebro_conn_state)
            test -n "$state[1]"; and contains -- $state[1] $argv
        end

        # Succeeds where argument INDEX (from 0; with +, INDEX or later) of COMMAND goes.
        function __cerebro_conn_argument --argument-names command index open
            set -l state (__cerebro_conn_state)
            test "$state[1]" = "$command"; and test -z "$state[4]"; or return 1
            if test "$open" = +
                test $state[2] -ge $index
            else
                test $state[2] -eq $index
            end
        end

        """#

    private static let presetsFunction = #"""
        # Prints the preset names, passing on the --config given on the line.
        function __cerebro_conn_presets
            set -l state (__cerebro_conn_state)
            set -l tool (commandline -opc)[1]
            set -l config
            test -n "$state[3]"; and set config --config $state[3]
            set tool (string replace -r -- '^~/' "$HOME/" $tool)
            command $tool $config list --names 2>/dev/null
        end

        """#
}
