# bash completion for cerebro-conn
# Generated from the command table by `cerebro-conn completion bash`; do not edit.
# Install as share/bash-completion/completions/cerebro-conn, or source it from
# ~/.bashrc. Needs bash 4.4 or newer.

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

# Offers the preset names that `cerebro-conn list --names` prints, after the text $1.
# The --config given on the line is passed on.
_cerebro_conn_presets() {
    local tool=${_cerebro_conn_words[0]}
    local -a config=() names=()
    [[ $tool == '~/'* ]] && tool=$HOME/${tool#'~/'}
    [[ -n $_cerebro_conn_config ]] && config=(--config "$_cerebro_conn_config")
    mapfile -t names < <(command "$tool" "${config[@]}" list --names 2>/dev/null)
    _cerebro_conn_offer "$1" "${names[@]}"
}

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

# Offers what REPLY names (see _cerebro_conn_option_action), each after the text $1.
_cerebro_conn_run_action() {
    case ${REPLY[0]} in
        words) _cerebro_conn_offer "$1" "${REPLY[@]:1}" ;;
        presets) _cerebro_conn_presets "$1" ;;
        commands) _cerebro_conn_offer "$1" 'add' 'edit' 'rename' 'remove' 'list' 'show' 'certs' 'test' 'completion' 'help' ;;
        directories | files) _cerebro_conn_paths "$1" "${REPLY[0]}" ;;
    esac
}

# Sets REPLY to the options that command $1 accepts.
_cerebro_conn_options() {
    REPLY=(--config --color -q --quiet -v --verbose -h --help --version)
    case $1 in
        'add') REPLY+=(--host --port --db --user --ssl --verify --certdir --timeout) ;;
        'edit') REPLY+=(--host --port --db --user --ssl --verify --certdir --timeout --no-ssl --no-certdir) ;;
        'list') REPLY+=(--names --json) ;;
        'show') REPLY+=(--json) ;;
        'certs') REPLY+=(--expiring --json) ;;
        'test') REPLY+=(--all --jobs --timeout --json --passphrase-file) ;;
    esac
}

# Succeeds when option $2 of command $1 takes a value, and sets REPLY to what completes
# it: nothing, words WORD..., presets, commands, directories or files.
_cerebro_conn_option_action() {
    case "$1 $2" in
        *' --config' | 'add --certdir' | 'edit --certdir') REPLY=(directories) ;;
        *' --color') REPLY=(words 'auto' 'always' 'never') ;;
        'add --host' | 'add --port' | 'add --db' | 'add --user' | 'add --timeout' | 'edit --host' | 'edit --port' | 'edit --db' | 'edit --user' | 'edit --timeout' | 'certs --expiring' | 'test --jobs' | 'test --timeout') REPLY=(nothing) ;;
        'add --verify' | 'edit --verify') REPLY=(words 'full' 'ca' 'none') ;;
        'test --passphrase-file') REPLY=(files) ;;
        *) return 1 ;;
    esac
}

# Sets REPLY to what completes argument $2 (counted from 0) of command $1.
_cerebro_conn_argument_action() {
    case "$1 $2" in
        'add 0' | 'rename 1') REPLY=(nothing) ;;
        'edit 0' | 'rename 0' | 'remove 0' | 'show 0') REPLY=(presets) ;;
        'completion 0') REPLY=(words 'bash' 'zsh' 'fish') ;;
        'help 0') REPLY=(commands) ;;
        *)
            case $1 in
                'certs' | 'test') REPLY=(presets) ;;
                *) REPLY=(nothing) ;;
            esac
            ;;
    esac
}

# Completes the cerebro-conn command line; registered with `complete -F`.
_cerebro_conn() {
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

complete -F _cerebro_conn cerebro-conn
