// How many terminal columns a character takes, from the C library. Swift cannot see `wcwidth`
// through Glibc (glibc declares it only for X/Open builds), so this target declares one
// function of its own over it.
#ifndef CTEXT_WIDTH_H
#define CTEXT_WIDTH_H

/// The columns the Unicode scalar `scalar` takes on a terminal: 0 for a combining mark, 2 for a
/// wide East Asian character or an emoji, 1 for most others; -1 for a control or unassigned
/// scalar, and for every scalar on a system without the built-in `C.UTF-8` locale.
int CTextWidth_columns(unsigned int scalar);

#endif
