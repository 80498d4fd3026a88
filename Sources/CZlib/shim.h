#ifndef PIISCAN_CZLIB_SHIM_H
#define PIISCAN_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro; Swift does not import it. */
static inline int piiscan_inflate_init2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
