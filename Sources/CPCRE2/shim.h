#ifndef PIISCAN_CPCRE2_SHIM_H
#define PIISCAN_CPCRE2_SHIM_H
/* PCRE2's generic names are macros over the width-specific functions; pin the 8-bit width. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Constants Swift does not import (they are casts in macros). */
static inline size_t cpcre2_unset(void) { return PCRE2_UNSET; }
#endif
