#include <errno.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "CTerminalEcho.h"

// The signals whose default action ends the process, and that a person or a system sends to
// a program waiting at a prompt.
static const int ending_signals[] = {SIGALRM, SIGHUP, SIGINT, SIGPIPE, SIGQUIT, SIGTERM};
enum { ending_count = sizeof ending_signals / sizeof ending_signals[0] };

// What the handlers read: set before they are installed, and left alone while they are.
static int terminal = -1;
static struct termios saved_settings;
static struct termios quiet_settings;
static char prompt_copy[4096];
static size_t prompt_length;

static struct sigaction previous_ending[ending_count];
static int is_ending_installed[ending_count];
static struct sigaction previous_stop;
static int is_stop_installed;

static void write_all(const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(terminal, bytes, length);
        if (written > 0) {
            bytes += written;
            length -= (size_t)written;
        } else if (written < 0 && errno == EINTR) {
            continue;
        } else {
            return;
        }
    }
}

static void set_action(int signal_number, void (*handler)(int), int flags) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    action.sa_flags = flags;
    // While one handler runs, the others wait: the settings are put back once, in order.
    sigemptyset(&action.sa_mask);
    for (int index = 0; index < ending_count; index++) {
        sigaddset(&action.sa_mask, ending_signals[index]);
    }
    sigaction(signal_number, &action, NULL);
}

static void on_ending_signal(int signal_number) {
    tcsetattr(terminal, TCSAFLUSH, &saved_settings);
    // The prompt's line was left open; the shell's prompt should not start on it.
    write_all("\n", 1);
    set_action(signal_number, SIG_DFL, 0);
    // The signal is blocked while its handler runs: raised again, it is delivered with its
    // default action the moment the handler returns, and ends the process as it would have.
    raise(signal_number);
}

static void on_stop_signal(int signal_number) {
    int saved_errno = errno;
    tcsetattr(terminal, TCSAFLUSH, &saved_settings);
    write_all("\n", 1);
    set_action(signal_number, SIG_DFL, 0);
    // Installed with SA_NODEFER, SIGTSTP is not blocked here: the process stops inside raise
    // and goes on from here when it is continued.
    raise(signal_number);

    set_action(signal_number, on_stop_signal, SA_RESTART | SA_NODEFER);
    tcsetattr(terminal, TCSAFLUSH, &quiet_settings);
    write_all(prompt_copy, prompt_length);
    errno = saved_errno;
}

int CTerminalEcho_off(int fd, const char *prompt, size_t length) {
    if (tcgetattr(fd, &saved_settings) != 0) {
        return -1;
    }
    terminal = fd;
    quiet_settings = saved_settings;
    quiet_settings.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
    prompt_length = length < sizeof prompt_copy ? length : sizeof prompt_copy;
    memcpy(prompt_copy, prompt, prompt_length);

    for (int index = 0; index < ending_count; index++) {
        sigaction(ending_signals[index], NULL, &previous_ending[index]);
        // A signal ignored by choice (nohup, a background job's SIGINT) stays ignored.
        is_ending_installed[index] = previous_ending[index].sa_handler != SIG_IGN;
        if (is_ending_installed[index]) {
            set_action(ending_signals[index], on_ending_signal, SA_RESTART);
        }
    }
    sigaction(SIGTSTP, NULL, &previous_stop);
    is_stop_installed = previous_stop.sa_handler != SIG_IGN;
    if (is_stop_installed) {
        set_action(SIGTSTP, on_stop_signal, SA_RESTART | SA_NODEFER);
    }

    // Echo goes off before the prompt shows, so that nothing typed after it is echoed.
    tcsetattr(fd, TCSAFLUSH, &quiet_settings);
    write_all(prompt, length);
    return 0;
}

void CTerminalEcho_restore(void) {
    if (terminal < 0) {
        return;
    }
    tcsetattr(terminal, TCSAFLUSH, &saved_settings);
    for (int index = 0; index < ending_count; index++) {
        if (is_ending_installed[index]) {
            sigaction(ending_signals[index], &previous_ending[index], NULL);
        }
    }
    if (is_stop_installed) {
        sigaction(SIGTSTP, &previous_stop, NULL);
    }
    terminal = -1;
}
