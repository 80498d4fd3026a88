internal import CCodecs

/// Parquet's compression codecs, decompressed one page at a time through the system libraries
/// (libsnappy, zlib, libzstd, liblz4): each is a fast, fuzzed C implementation that Debian
/// ships, so no hand-written decompressor is needed.
enum ParquetCodec: Int32 {
    case uncompressed = 0, snappy = 1, gzip = 2, lzo = 3, brotli = 4, lz4 = 5, zstd = 6, lz4Raw = 7

    var name: String {
        switch self {
        case .uncompressed: return "UNCOMPRESSED"
        case .snappy: return "SNAPPY"
        case .gzip: return "GZIP"
        case .lzo: return "LZO"
        case .brotli: return "BROTLI"
        case .lz4: return "LZ4"
        case .zstd: return "ZSTD"
        case .lz4Raw: return "LZ4_RAW"
        }
    }

    var isSupported: Bool {
        switch self {
        case .uncompressed, .snappy, .gzip, .zstd, .lz4Raw: return true
        case .lzo, .brotli, .lz4: return false
        }
    }

    /// Decompresses `input` into exactly `size` bytes.
    func decompress(_ input: ArraySlice<UInt8>, size: Int) throws(ParquetError) -> [UInt8] {
        if self == .uncompressed {
            guard input.count == size else { throw .malformed("page size does not match its header") }
            return Array(input)
        }
        guard size >= 0 else { throw .malformed("negative page size") }
        var out = [UInt8](repeating: 0, count: size)
        if size == 0 { return out }
        let ok: Bool = input.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return input.isEmpty && size == 0 }
                let sp = s.assumingMemoryBound(to: UInt8.self)
                let dp = d.assumingMemoryBound(to: UInt8.self)
                switch self {
                case .snappy:
                    var length = 0
                    guard snappy_uncompressed_length(s.assumingMemoryBound(to: CChar.self), src.count, &length) == SNAPPY_OK,
                          length == size else { return false }
                    var outLength = size
                    return snappy_uncompress(s.assumingMemoryBound(to: CChar.self), src.count,
                                             d.assumingMemoryBound(to: CChar.self), &outLength) == SNAPPY_OK
                        && outLength == size
                case .gzip:
                    var stream = z_stream()
                    stream.next_in = UnsafeMutablePointer(mutating: sp)
                    stream.avail_in = UInt32(clamping: src.count)
                    stream.next_out = dp
                    stream.avail_out = UInt32(clamping: size)
                    guard ccodecs_inflate_init2(&stream, 15 + 32) == Z_OK else { return false }
                    defer { inflateEnd(&stream) }
                    let rc = inflate(&stream, Z_FINISH)
                    return (rc == Z_STREAM_END || rc == Z_OK || rc == Z_BUF_ERROR) && Int(stream.total_out) == size
                case .zstd:
                    let n = ZSTD_decompress(d, size, s, src.count)
                    return ZSTD_isError(n) == 0 && n == size
                case .lz4Raw:
                    guard src.count <= Int(Int32.max), size <= Int(Int32.max) else { return false }
                    let n = LZ4_decompress_safe(s.assumingMemoryBound(to: CChar.self), d.assumingMemoryBound(to: CChar.self),
                                                Int32(src.count), Int32(size))
                    return Int(n) == size
                case .uncompressed, .lzo, .brotli, .lz4:
                    return false
                }
            }
        }
        guard ok else { throw .malformed("\(name) data does not decompress to the page's size") }
        return out
    }
}
