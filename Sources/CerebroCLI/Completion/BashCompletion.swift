/// The bash completion script, derived from the command table.
///
/// The script splits the line itself (`COMP_LINE` up to `COMP_POINT`) instead of trusting
/// `COMP_WORDS`, which readline cuts at `:` and `=`; every candidate is then written the way
/// readline must insert it: backslash-escaped with `printf %q`, or inside the quote the user
/// opened. Candidates are filtered with a literal prefix test and never pass through
/// `compgen -W`, so names with spaces, quotes, `&`, `$` or `*` stay one word and are never
/// glob-expanded against the current folder.
struct BashCompletion {
    /// The table to complete.
    var model: CompletionModel

    /// The whole script.
    var script: String {
        [
            header,
            Self.splitFunction,
            Self.offerFunction,
            presetsFunction,
            Self.pathsFunction,
            runActionFunction,
            optionsFunction,
            optionActionFunction,
            argumentActionFunction,
            mainFunction,
            "complete -F \(function) \(model.toolName)\n",
        ].joined(separator: "\n")
    }

    private var function: String { "_cerebro_conn" }

    private var header: String {
        """
        # bash completion for \(model.toolName)
        # Generated from the command table by `\(model.toolName) completion bash`; do not edit.
        # Install as share/bash-completion/completions/\(model.toolName), or source it from
        # ~/.bashrc. Needs bash 4.4 or newer.

        """
    }

    // MARK: - Generated from the table

    private var presetsFunction: String {
        """
        # Offers the preset names that `\(model.toolName) list --names` prints, after the text $1.
        # The --config given on the line is passed on.
        _cerebro_conn_presets() {
            local tool=${_cerebro_conn_words[0]}
            local -a config=() names=()
            [[ $tool == '~/'* ]] && tool=$HOME/${tool#'~/'}
            [[ -n $_cerebro_conn_config ]] && config=(--config "$_cerebro_conn_config")
            mapfile -t names < <(command "$tool" "${config[@]}" list --names 2>/dev/null)
            _cerebro_conn_offer "$1" "${names[@]}"
        }

        """
    }

    private var runActionFunction: String {
        let names = model.commands.map { ShellQuoting.posixSingleQuoted($0.name) }
        return """
            # Offers what REPLY names (see _cerebro_conn_option_action), each after the text $1.
            _cerebro_conn_run_action() {
                case ${REPLY[0]} in
                    words) _cerebro_conn_offer "$1" "${REPLY[@]:1}" ;;
                    presets) _cerebro_conn_presets "$1" ;;
                    commands) _cerebro_conn_offer "$1" \(names.joined(separator: " ")) ;;
                    directories | files) _cerebro_conn_paths "$1" "${REPLY[0]}" ;;
                esac
            }

            """
    }

    private var optionsFunction: String {
        let global = model.globals.flatMap(model.spellings(of:)).joined(separator: " ")
        let cases = model.commands.filter { !$0.options.isEmpty }.map { command in
            let spellings = command.options.flatMap(model.spellings(of:)).joined(separator: " ")
            return
                "        \(ShellQuoting.posixSingleQuoted(command.name))) REPLY+=(\(spellings)) ;;"
        }
        return """
            # Sets REPLY to the options that command $1 accepts.
            _cerebro_conn_options() {
                REPLY=(\(global))
                case $1 in
            \(cases.joined(separator: "\n"))
                esac
            }

            """
    }

    private var optionActionFunction: String {
        var entries: [(pattern: String, action: String)] = []
        for option in model.globals {
            guard let action = model.action(for: option) else {
                continue
            }
            for spelling in model.spellings(of: option) {
                entries.append(
                    ("*" + ShellQuoting.posixSingleQuoted(" " + spelling), reply(action))
                )
            }
        }
        for command in model.commands {
            for option in command.options {
                guard let action = model.action(for: option) else {
                    continue
                }
                for spelling in model.spellings(of: option) {
                    let pattern = ShellQuoting.posixSingleQuoted("\(command.name) \(spelling)")
                    entries.append((pattern, reply(action)))
                }
            }
        }
        return """
            # Succeeds when option $2 of command $1 takes a value, and sets REPLY to what completes
            # it: nothing, words WORD..., presets, commands, directories or files.
            _cerebro_conn_option_action() {
                case "$1 $2" in
            \(caseArms(entries, indent: 8))
                    *) return 1 ;;
                esac
            }

            """
    }

    private var argumentActionFunction: String {
        var exact: [(pattern: String, action: String)] = []
        var openEnded: [(pattern: String, action: String)] = []
        for command in model.commands {
            for position in model.positions(of: command) {
                let action = reply(model.action(for: position.argument.kind))
                if position.isOpenEnded {
                    openEnded.append((ShellQuoting.posixSingleQuoted(command.name), action))
                } else {
                    let pattern = ShellQuoting.posixSingleQuoted(
                        "\(command.name) \(position.index)"
                    )
                    exact.append((pattern, action))
                }
            }
        }
        return """
            # Sets REPLY to what completes argument $2 (counted from 0) of command $1.
            _cerebro_conn_argument_action() {
                case "$1 $2" in
            \(caseArms(exact, indent: 8))
                    *)
                        case $1 in
            \(caseArms(openEnded, indent: 16))
                            *) REPLY=(nothing) ;;
                        esac
                        ;;
                esac
            }

            """
    }

    /// The `REPLY=(...)` assignment naming `action`.
    private func reply(_ action: CompletionAction) -> String {
        switch action {
        case .nothing: "REPLY=(nothing)"
        case .directories: "REPLY=(directories)"
        case .files: "REPLY=(files)"
        case .presetNames: "REPLY=(presets)"
        case .commandNames: "REPLY=(commands)"
        case .words(let words):
            "REPLY=(words \(words.map(ShellQuoting.posixSingleQuoted).joined(separator: " ")))"
        }
    }

    /// `case` arms, one per distinct action, with the patterns that share it.
    private func caseArms(_ entries: [(pattern: String, action: String)], indent: Int) -> String {
        var order: [String] = []
        var patterns: [String: [String]] = [:]
        for entry in entries {
            if patterns[entry.action] == nil {
                order.append(entry.action)
            }
            patterns[entry.action, default: []].append(entry.pattern)
        }
        let space = String(repeating: " ", count: indent)
        return order.map { action in
            let joined = (patterns[action] ?? []).joined(separator: " | ")
            return "\(space)\(joined)) \(action) ;;"
        }.joined(separator: "\n")
    }

    private var mainFunction: String {
        """
        # Completes the \(model.toolName) command line; registered with `complete -F`.
        \(function)() {
            local _cerebro_conn_words _cerebro_conn_cur _cerebro_conn_kept _cerebro_conn_quote
            local _cerebro_conn_config= command= pending= word cur
            local -i position=0 ended=0 i
            local -a REPLY=()
            COMPREPLY=()
            _cerebro_conn_split
            for ((i = 1; i < ${#_cerebro_conn_words[@]}; i++)); do
                word=${_cerebro_conn_words[i]}
                if [[ -n $pending ]]; then
                    [[ $pending == --config ]] && _cerebro_conn_config=$word
                    pending=
                elif ((!ended)) && [[ $word == -?* ]]; then
                    case $word in
                        --) ended=1 ;;
                        --config=*) _cerebro_conn_config=${word#*=} ;;
                        --*=*) ;;
                        *) _cerebro_conn_option_action "$command" "$word" && pending=$word ;;
                    esac
                elif [[ -z $command ]]; then
                    command=$word
                else
                    position+=1
                fi
            done
            cur=$_cerebro_conn_cur
            if [[ -n $pending ]]; then
                _cerebro_conn_option_action "$command" "$pending"
                _cerebro_conn_run_action ''
            elif ((!ended)) && [[ $cur == --*=* ]]; then
                _cerebro_conn_option_action "$command" "${cur%%=*}" &&
                    _cerebro_conn_run_action "${cur%%=*}="
            elif ((!ended)) && [[ $cur == -* ]]; then
                _cerebro_conn_options "$command"
                _cerebro_conn_offer '' "${REPLY[@]}"
            elif [[ -z $command ]]; then
                REPLY=(commands)
                _cerebro_conn_run_action ''
            else
                _cerebro_conn_argument_action "$command" "$position"
                _cerebro_conn_run_action ''
            fi
            return 0
        }

        """
    }

    // MARK: - Fixed helpers

    private static let splitFunction = #"""
        # Reads the line up to the cursor as the shell will run it, with readline's word breaks:
        # _cerebro_conn_words gets the finished words without their quotes, _cerebro_conn_cur the
        # word being typed (unquoted), _cerebro_conn_kept the start of it that readline leaves in
        # place (up to a COMP_WORDBREAKS character such as : or =, or up to an open quote), and
        # _cerebro_conn_quote the quote left open: ', " or nothing.
        _cerebro_conn_split() {
            local line=${COMP_LINE:0:COMP_POINT} char quote= word= broken= opened=
            local -i started=0 i
            _cerebro_conn_words=()
            for ((i = 0; i < ${#line}; i++)); do
                char=${line:i:1}
                if [[ $quote == "'" ]]; then
                    [[ $char == "'" ]] && quote= || word+=$char
                elif [[ $quote == '"' ]]; then
                    if [[ $char == '"' ]]; then
                        quote=
                    elif [[ $char == '\' && ${line:i+1:1} == [\"\$\`\\] ]]; then
                        word+=${line:i+1:1}
                        i+=1
                    else
                        word+=$char
                    fi
                elif [[ $char == '\' ]]; then
                    word+=${line:i+1:1} started=1
                    i+=1
                elif [[ $char == [[:space:]] ]]; then
                    ((started)) && _cerebro_conn_words+=("$word")
                    word= broken= started=0
                elif [[ $char == [\'\"] ]]; then
                    quote=$char opened=$word started=1
                else
                    word+=$char started=1
                    [[ $COMP_WORDBREAKS == *"$char"* ]] && broken=$word
                fi
            done
            _cerebro_conn_cur=$word _cerebro_conn_quote=$quote
            if [[ -n $quote ]]; then
                _cerebro_conn_kept=$opened
            else
                _cerebro_conn_kept=$broken
            fi
        }

        """#

    private static let offerFunction = #"""
        # Offers each word after $1, prefixed with $1, that starts with the word being typed,
        # written as readline must insert it: escaped, or fit for the quote the user opened.
        _cerebro_conn_offer() {
            local prefix=$1 word quoted
            local -a matches=()
            shift
            for word; do
                word=$prefix$word
                [[ $word == "$_cerebro_conn_cur"* ]] && matches+=("${word#"$_cerebro_conn_kept"}")
            done
            ((${#matches[@]})) || return 0
            case $_cerebro_conn_quote in
                "'") COMPREPLY+=("${matches[@]//\'/\'\\\'\'}") ;;
                '"')
                    matches=("${matches[@]//\\/\\\\}")
                    matches=("${matches[@]//\$/\\\$}")
                    matches=("${matches[@]//\`/\\\`}")
                    COMPREPLY+=("${matches[@]//\"/\\\"}")
                    ;;
                *)
                    printf -v quoted '%q\n' "${matches[@]}"
                    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY <<<"${quoted%$'\n'}"
                    ;;
            esac
        }

        """#

    private static let pathsFunction = #"""
        # Offers the folders ($2 = directories) or files ($2 = files) that complete the path typed
        # after the text $1; readline quotes them and marks folders with a slash.
        _cerebro_conn_paths() {
            local typed=${_cerebro_conn_cur#"$1"} path
            local -a found=()
            if [[ $2 == directories ]]; then
                mapfile -t found < <(compgen -d -- "$typed")
            else
                mapfile -t found < <(compgen -f -- "$typed")
            fi
            compopt -o filenames 2>/dev/null
            for path in "${found[@]}"; do
                path=$1$path
                COMPREPLY+=("${path#"$_cerebro_conn_kept"}")
            done
        }

        """#
}
