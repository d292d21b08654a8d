#define _GNU_SOURCE
#include <locale.h>
#include <pthread.h>
#include <wchar.h>

#include "CTextWidth.h"

// wcwidth answers by the character type of the current locale, and a program that never calls
// setlocale runs in "C", where it knows no character past ASCII. The built-in C.UTF-8 locale is
// made once and set for the calling thread alone around each call, so neither the rest of the
// program nor other threads see a locale change.
static locale_t utf8_locale = (locale_t)0;
static pthread_once_t utf8_locale_once = PTHREAD_ONCE_INIT;

static void make_utf8_locale(void) {
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

int CTextWidth_columns(unsigned int scalar) {
    pthread_once(&utf8_locale_once, make_utf8_locale);
    if (utf8_locale == (locale_t)0) {
        return -1;
    }

    locale_t previous = uselocale(utf8_locale);
    int columns = wcwidth((wchar_t)scalar);
    uselocale(previous);
    return columns;
}
