#ifndef PIISCAN_CCODECS_SHIM_H
#define PIISCAN_CCODECS_SHIM_H
/* Block decompressors for Parquet pages, from Debian's libsnappy-dev, zlib1g-dev, libzstd-dev
   and liblz4-dev. */
#include <snappy-c.h>
#include <zlib.h>
#include <zstd.h>
#include <lz4.h>

/* zlib's inflateInit2 is a macro Swift does not import. */
static inline int ccodecs_inflate_init2(z_stream *stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}
#endif
