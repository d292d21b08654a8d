// Turning a terminal's echo off while a secret is typed, and putting it back however the
// process is interrupted. The settings must come back from inside a signal handler, where only
// async-signal-safe functions may run; Swift makes no such promise for its own code (a global
// is initialised lazily, and may allocate), so the handlers and the state they read are here.
#ifndef CTERMINAL_ECHO_H
#define CTERMINAL_ECHO_H

#include <stddef.h>

/// Saves the settings of the terminal `fd`, turns its echo off and writes `prompt` (`length`
/// bytes) to it, until `CTerminalEcho_restore()`.
///
/// Until then, a signal that ends the process (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM,
/// SIGPIPE) first puts the saved settings back and ends the line, then ends the process with
/// the signal's default action, as ssh and sudo do. SIGTSTP (Ctrl-Z) puts them back for as long
/// as the process is stopped, then turns echo off again and writes the prompt anew. A signal
/// the process ignores stays ignored. One terminal at a time: calls must not overlap.
///
/// Returns 0, or -1 with `errno` set when `fd` is not a terminal; nothing is changed then.
int CTerminalEcho_off(int fd, const char *prompt, size_t length);

/// Puts back the terminal settings and the signal actions that `CTerminalEcho_off` saved.
void CTerminalEcho_restore(void);

#endif
