internal import CCodecs

extension ParquetCodec {
    /// True when pages can be written with this codec (the rewriter writes the others'
    /// rewritten chunks UNCOMPRESSED).
    var canCompress: Bool {
        switch self {
        case .uncompressed, .snappy, .gzip, .zstd, .lz4Raw: return true
        case .lzo, .brotli, .lz4: return false
        }
    }

    /// Compresses one page with the same C libraries that decompress it: snappy's raw format,
    /// zlib with gzip framing (what Parquet's GZIP means), zstd at level 3 and the LZ4 block
    /// format for LZ4_RAW.
    func compress(_ input: [UInt8]) throws(ParquetError) -> [UInt8] {
        if self == .uncompressed { return input }
        var out: [UInt8] = []
        let ok: Bool = input.withUnsafeBytes { src in
            // An empty input still needs a valid pointer for the C calls.
            let empty: [UInt8] = [0]
            return empty.withUnsafeBytes { placeholder in
                guard let s = src.baseAddress ?? placeholder.baseAddress else { return false }
                switch self {
                case .snappy:
                    let bound = snappy_max_compressed_length(src.count)
                    out = [UInt8](repeating: 0, count: bound)
                    var length = bound
                    let rc = out.withUnsafeMutableBytes { dst in
                        snappy_compress(s.assumingMemoryBound(to: CChar.self), src.count,
                                        dst.baseAddress?.assumingMemoryBound(to: CChar.self), &length)
                    }
                    guard rc == SNAPPY_OK else { return false }
                    out.removeLast(bound - length)
                    return true
                case .gzip:
                    var stream = z_stream()
                    // deflateInit2 is a macro; deflateInit2_ is the function behind it.
                    // Window bits 15 + 16 selects the gzip header and trailer.
                    guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                        zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return false }
                    defer { deflateEnd(&stream) }
                    let bound = Int(deflateBound(&stream, UInt(src.count))) + 32
                    guard src.count <= Int(UInt32.max), bound <= Int(UInt32.max) else { return false }
                    out = [UInt8](repeating: 0, count: bound)
                    let rc: Int32 = out.withUnsafeMutableBytes { dst in
                        stream.next_in = UnsafeMutablePointer(mutating: s.assumingMemoryBound(to: UInt8.self))
                        stream.avail_in = UInt32(src.count)
                        stream.next_out = dst.baseAddress?.assumingMemoryBound(to: UInt8.self)
                        stream.avail_out = UInt32(bound)
                        return deflate(&stream, Z_FINISH)
                    }
                    guard rc == Z_STREAM_END else { return false }
                    out.removeLast(bound - Int(stream.total_out))
                    return true
                case .zstd:
                    let bound = ZSTD_compressBound(src.count)
                    out = [UInt8](repeating: 0, count: bound)
                    let n = out.withUnsafeMutableBytes { dst in
                        ZSTD_compress(dst.baseAddress, bound, s, src.count, 3)
                    }
                    guard ZSTD_isError(n) == 0 else { return false }
                    out.removeLast(bound - n)
                    return true
                case .lz4Raw:
                    guard src.count <= Int(LZ4_MAX_INPUT_SIZE) else { return false }
                    let bound = Int(LZ4_compressBound(Int32(src.count)))
                    out = [UInt8](repeating: 0, count: max(bound, 1))
                    let n = out.withUnsafeMutableBytes { dst in
                        LZ4_compress_default(s.assumingMemoryBound(to: CChar.self),
                                             dst.baseAddress?.assumingMemoryBound(to: CChar.self),
                                             Int32(src.count), Int32(bound))
                    }
                    guard n > 0 || src.count == 0 else { return false }
                    out.removeLast(out.count - Int(n))
                    return true
                case .uncompressed, .lzo, .brotli, .lz4:
                    return false
                }
            }
        }
        guard ok else { throw .unsupported("\(name) compression failed") }
        return out
    }
}
