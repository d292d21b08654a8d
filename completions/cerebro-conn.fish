# fish completion for cerebro-conn
# Generated from the command table by `cerebro-conn completion fish`; do not edit.
# Install as share/fish/vendor_completions.d/cerebro-conn.fish, or in
# ~/.config/fish/completions.

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
                case --config --color --host --port --db --user --verify --certdir --timeout --expiring --jobs --passphrase-file
                    set pending $token
            end
        else if test -z "$command"
            set command $token
        else
            set position (math $position + 1)
        end
    end
    printf '%s\n' "$command" $position "$config" "$pending"
end

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

# Prints the preset names, passing on the --config given on the line.
function __cerebro_conn_presets
    set -l state (__cerebro_conn_state)
    set -l tool (commandline -opc)[1]
    set -l config
    test -n "$state[3]"; and set config --config $state[3]
    set tool (string replace -r -- '^~/' "$HOME/" $tool)
    command $tool $config list --names 2>/dev/null
end

complete -c cerebro-conn -f
complete -c cerebro-conn -n __cerebro_conn_needs_command -a 'add' -d 'create a connection preset'
complete -c cerebro-conn -n __cerebro_conn_needs_command -a 'edit' -d 'change a preset'
complete -c cerebro-conn -n __cerebro_conn_needs_command -a 'rename' -d 'rename a preset'
complete -c cerebro-conn -n __cerebro_conn_needs_command -a 'remove' -d 'delete a preset'
complete -c cerebro-conn -n __cerebro_conn_needs_command -a 'list' -d 'list the presets'
complete -c cerebro-conn -n __cerebro_conn_needs_command -a 'show' -d 'show a preset, its certificate set and its connection plan'
complete -c cerebro-conn -n __cerebro_conn_needs_command -a 'certs' -d 'explain where a preset\'s certificates come from and what they hold'
complete -c cerebro-conn -n __cerebro_conn_needs_command -a 'test' -d 'connect with presets for real and report what happened'
complete -c cerebro-conn -n __cerebro_conn_needs_command -a 'completion' -d 'print a shell completion script'
complete -c cerebro-conn -n __cerebro_conn_needs_command -a 'help' -d 'show help for the tool or a command'
complete -c cerebro-conn -l config -x -a '(__fish_complete_directories)' -d 'use DIR as the configuration folder (default: $CEREBRO_CONN_HOME, else $XDG_CONFIG_HOME/cerebro-conn, else ~/.config/cerebro-conn)'
complete -c cerebro-conn -l color -x -a 'auto always never' -d 'colour output: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c cerebro-conn -s q -l quiet -d 'print only results and errors'
complete -c cerebro-conn -s v -l verbose -d 'explain more, including libpq\'s own messages'
complete -c cerebro-conn -s h -l help -d 'show help for the tool or a command'
complete -c cerebro-conn -l version -d 'print the version'
complete -c cerebro-conn -n '__cerebro_conn_using add' -l host -x -d 'server host name or address, several separated by commas; \':P\' sets the port too'
complete -c cerebro-conn -n '__cerebro_conn_using add' -l port -x -d 'server port (default 5432)'
complete -c cerebro-conn -n '__cerebro_conn_using add' -l db -x -d 'database name (default memoria)'
complete -c cerebro-conn -n '__cerebro_conn_using add' -l user -x -d 'role to log in as (default $USER)'
complete -c cerebro-conn -n '__cerebro_conn_using add' -l ssl -d 'require SSL (Cerebro\'s "this server requires a secure connection")'
complete -c cerebro-conn -n '__cerebro_conn_using add' -l verify -x -a 'full ca none' -d 'how the server certificate is checked under --ssl: full (chain and host name, the default), ca (chain only) or none (encrypt only)'
complete -c cerebro-conn -n '__cerebro_conn_using add' -l certdir -x -a '(__fish_complete_directories)' -d 'folder holding this preset\'s certificate set; without it $HOME/cerebro, then $CEREBRO_HOME/etc are searched'
complete -c cerebro-conn -n '__cerebro_conn_using add' -l timeout -x -d 'seconds to wait for each address (default 10)'
complete -c cerebro-conn -n '__cerebro_conn_using edit' -l host -x -d 'server host name or address, several separated by commas; \':P\' sets the port too'
complete -c cerebro-conn -n '__cerebro_conn_using edit' -l port -x -d 'server port (default 5432)'
complete -c cerebro-conn -n '__cerebro_conn_using edit' -l db -x -d 'database name (default memoria)'
complete -c cerebro-conn -n '__cerebro_conn_using edit' -l user -x -d 'role to log in as (default $USER)'
complete -c cerebro-conn -n '__cerebro_conn_using edit' -l ssl -d 'require SSL (Cerebro\'s "this server requires a secure connection")'
complete -c cerebro-conn -n '__cerebro_conn_using edit' -l verify -x -a 'full ca none' -d 'how the server certificate is checked under --ssl: full (chain and host name, the default), ca (chain only) or none (encrypt only)'
complete -c cerebro-conn -n '__cerebro_conn_using edit' -l certdir -x -a '(__fish_complete_directories)' -d 'folder holding this preset\'s certificate set; without it $HOME/cerebro, then $CEREBRO_HOME/etc are searched'
complete -c cerebro-conn -n '__cerebro_conn_using edit' -l timeout -x -d 'seconds to wait for each address (default 10)'
complete -c cerebro-conn -n '__cerebro_conn_using edit' -l no-ssl -d 'do not require SSL'
complete -c cerebro-conn -n '__cerebro_conn_using edit' -l no-certdir -d 'forget the certificate folder and search the default ones'
complete -c cerebro-conn -n '__cerebro_conn_argument edit 0' -a '(__cerebro_conn_presets)'
complete -c cerebro-conn -n '__cerebro_conn_argument rename 0' -a '(__cerebro_conn_presets)'
complete -c cerebro-conn -n '__cerebro_conn_argument remove 0' -a '(__cerebro_conn_presets)'
complete -c cerebro-conn -n '__cerebro_conn_using list' -l names -d 'print only the names, one per line (used by completion)'
complete -c cerebro-conn -n '__cerebro_conn_using list' -l json -d 'print a JSON array of presets'
complete -c cerebro-conn -n '__cerebro_conn_using show' -l json -d 'print one JSON object'
complete -c cerebro-conn -n '__cerebro_conn_argument show 0' -a '(__cerebro_conn_presets)'
complete -c cerebro-conn -n '__cerebro_conn_using certs' -l expiring -x -d 'list certificates in use that end within DAYS days; exit 1 if any'
complete -c cerebro-conn -n '__cerebro_conn_using certs' -l json -d 'print JSON'
complete -c cerebro-conn -n '__cerebro_conn_argument certs 0 +' -a '(__cerebro_conn_presets)'
complete -c cerebro-conn -n '__cerebro_conn_using test' -l all -d 'test every preset'
complete -c cerebro-conn -n '__cerebro_conn_using test' -l jobs -x -d 'test at most N presets at once (default 16)'
complete -c cerebro-conn -n '__cerebro_conn_using test' -l timeout -x -d 'wait S seconds for each address, instead of each preset\'s own time-out'
complete -c cerebro-conn -n '__cerebro_conn_using test' -l json -d 'print a JSON array with one object per preset'
complete -c cerebro-conn -n '__cerebro_conn_using test' -l passphrase-file -x -a '(__fish_complete_path)' -d 'read encrypted keys\' passphrase from FILE\'s first line (mode 0600)'
complete -c cerebro-conn -n '__cerebro_conn_argument test 0 +' -a '(__cerebro_conn_presets)'
complete -c cerebro-conn -n '__cerebro_conn_argument completion 0' -a 'bash zsh fish'
complete -c cerebro-conn -n '__cerebro_conn_argument help 0' -a 'add' -d 'create a connection preset'
complete -c cerebro-conn -n '__cerebro_conn_argument help 0' -a 'edit' -d 'change a preset'
complete -c cerebro-conn -n '__cerebro_conn_argument help 0' -a 'rename' -d 'rename a preset'
complete -c cerebro-conn -n '__cerebro_conn_argument help 0' -a 'remove' -d 'delete a preset'
complete -c cerebro-conn -n '__cerebro_conn_argument help 0' -a 'list' -d 'list the presets'
complete -c cerebro-conn -n '__cerebro_conn_argument help 0' -a 'show' -d 'show a preset, its certificate set and its connection plan'
complete -c cerebro-conn -n '__cerebro_conn_argument help 0' -a 'certs' -d 'explain where a preset\'s certificates come from and what they hold'
complete -c cerebro-conn -n '__cerebro_conn_argument help 0' -a 'test' -d 'connect with presets for real and report what happened'
complete -c cerebro-conn -n '__cerebro_conn_argument help 0' -a 'completion' -d 'print a shell completion script'
complete -c cerebro-conn -n '__cerebro_conn_argument help 0' -a 'help' -d 'show help for the tool or a command'
