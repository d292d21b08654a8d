/// The zsh completion script, derived from the command table.
///
/// Options and arguments go through `_arguments`; command names through `_describe`, whose
/// entries are `name:description`, so a `:` in a name is escaped there. Preset names go
/// through plain `compadd -a`: it reads no separator, quotes each name for the line itself,
/// and never treats one as a pattern.
struct ZshCompletion {
    /// The table to complete.
    var model: CompletionModel

    /// The whole script.
    var script: String {
        [header, commandsFunction, Self.presetsFunction, mainFunction, footer]
            .joined(separator: "\n")
    }

    /// The completion function: named like the file, as compinit expects.
    private var function: String { "_\(model.toolName)" }

    private var header: String {
        """
        #compdef \(model.toolName)
        # zsh completion for \(model.toolName)
        # Generated from the command table by `\(model.toolName) completion zsh`; do not edit.
        # Install as share/zsh/site-functions/_\(model.toolName) (a folder in $fpath) and run
        # compinit, or source it after compinit.

        """
    }

    private var footer: String {
        """
        # Autoloaded from $fpath, this file is the body of \(function): it has just replaced
        # itself with the definition above, so call that; sourced, register it.
        if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
            \(function) "$@"
        else
            compdef \(function) \(model.toolName)
        fi

        """
    }

    private var commandsFunction: String {
        let entries = model.commands.map { command in
            let name = ShellQuoting.backslashed(command.name, [":", "\\"])
            return "        " + ShellQuoting.posixSingleQuoted("\(name):\(command.abstract)")
        }
        return """
            # Offers the command names with their descriptions.
            _cerebro_conn_commands() {
                local -a commands=(
            \(entries.joined(separator: "\n"))
                )
                _describe -t commands command commands
            }

            """
    }

    private var mainFunction: String {
        let globals = model.globals.flatMap { specs(for: $0, isRepeatable: true) }
        return """
            # Completes the \(model.toolName) command line.
            \(function)() {
                local curcontext=$curcontext state state_descr line ret=1
                local -a _cerebro_conn_line=("${words[@]}")
                local -i _cerebro_conn_current=CURRENT
                local -A opt_args
                local -a globals=(
            \(globals.map { "        " + $0 }.joined(separator: "\n"))
                )
                _arguments -C -s -S : $globals \\
                    '(-): :_cerebro_conn_commands' \\
                    '(-)*:: :->argument' && ret=0
                if [[ $state == argument ]]; then
                    curcontext=${curcontext%:*:*}:\(model.toolName)-$words[1]:
                    case $words[1] in
            \(model.commands.map(commandCase).joined(separator: "\n"))
                    esac
                fi
                return ret
            }

            """
    }

    /// The `case` arm that completes the options and arguments of `command`.
    private func commandCase(_ command: CommandSpec) -> String {
        let options = command.options.flatMap { specs(for: $0, isRepeatable: false) }
        let arguments = model.positions(of: command).map(spec(for:))
        let lines = (options + arguments).map { "                \($0) \\" }
        return """
                    (\(ShellQuoting.backslashed(command.name, [")", "(", "|", " "])))
                        _arguments -s -S : $globals \\
            \(lines.joined(separator: "\n"))
                            && ret=0
                        ;;
            """
    }

    // MARK: - _arguments specs

    /// One quoted `_arguments` spec per spelling of `option`.
    private func specs(for option: OptionSpec, isRepeatable: Bool) -> [String] {
        let spellings = model.spellings(of: option)
        let exclusion = isRepeatable ? "*" : "(\(spellings.joined(separator: " ")))"
        let help = "[" + ShellQuoting.backslashed(option.help, ["[", "]", "\\"]) + "]"
        return spellings.map { spelling in
            var spec = exclusion + spelling
            if case .value(let kind, let placeholder) = option.value {
                // `--name=` accepts both `--name VALUE` and `--name=VALUE`.
                spec += (spelling.hasPrefix("--") ? "=" : "+") + help
                spec += ":" + message(placeholder) + ":" + action(model.action(for: kind))
            } else {
                spec += help
            }
            return ShellQuoting.posixSingleQuoted(spec)
        }
    }

    /// The quoted `_arguments` spec of a positional argument.
    private func spec(for position: ArgumentPosition) -> String {
        let argument = position.argument
        let head: String
        if position.isOpenEnded {
            head = "*:"
        } else if argument.arity == .optional {
            head = "\(position.index + 1)::"
        } else {
            head = "\(position.index + 1):"
        }
        let body = message(argument.name) + ":" + action(model.action(for: argument.kind))
        return ShellQuoting.posixSingleQuoted(head + body)
    }

    private func message(_ text: String) -> String {
        ShellQuoting.backslashed(text, [":", "\\"])
    }

    private func action(_ action: CompletionAction) -> String {
        switch action {
        case .nothing: " "
        case .directories: "_files -/"
        case .files: "_files"
        case .presetNames: "_cerebro_conn_presets"
        case .commandNames: "_cerebro_conn_commands"
        case .words(let words):
            "("
                + words.map { ShellQuoting.backslashed($0, Self.wordSpecials) }
                .joined(separator: " ") + ")"
        }
    }

    private static let wordSpecials = Set(#" \()[]:'"$*?&|;<>`~#!{}"#)

    // MARK: - Fixed helpers

    private static let presetsFunction = #"""
        # Offers the preset names that `cerebro-conn list --names` prints, passing on the --config
        # given on the line. Plain compadd: it quotes each name for the line and reads no ':'.
        _cerebro_conn_presets() {
            local tool=${(Q)_cerebro_conn_line[1]} word expl
            local -a config names
            local -i i
            [[ $tool == '~/'* ]] && tool=$HOME/${tool#'~/'}
            for ((i = 2; i < _cerebro_conn_current; i++)); do
                word=${(Q)_cerebro_conn_line[i]}
                case $word in
                    (--) break ;;
                    (--config) config=(--config "${(Q)_cerebro_conn_line[i+1]}") ;;
                    (--config=*) config=(--config "${word#--config=}") ;;
                esac
            done
            names=(${(f)"$(command $tool $config list --names 2>/dev/null)"})
            _wanted presets expl preset compadd -a names
        }

        """#
}
