/// Parquet's value and level encodings (Encodings.md in apache/parquet-format).

enum ParquetEncoding: Int32 {
    case plain = 0, plainDictionary = 2, rle = 3, bitPacked = 4, deltaBinaryPacked = 5
    case deltaLengthByteArray = 6, deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9
}

/// A cursor over a page's bytes; every read checks the bounds.
struct PageCursor {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    init(_ bytes: [UInt8], from: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = from
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var remaining: Int { end - position }

    mutating func byte() throws(ParquetError) -> UInt8 {
        guard position < end else { throw .malformed("page data ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func uint32LE() throws(ParquetError) -> UInt32 {
        guard remaining >= 4 else { throw .malformed("page data ends early") }
        defer { position += 4 }
        return UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8
            | UInt32(bytes[position + 2]) << 16 | UInt32(bytes[position + 3]) << 24
    }

    mutating func varint() throws(ParquetError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            if shift < 64 { result |= UInt64(b & 0x7F) << shift }
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift > 70 { throw .malformed("varint too long in page data") }
        }
    }

    mutating func zigzag() throws(ParquetError) -> Int64 {
        let v = try varint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    /// Reads `count` values of `bitWidth` bits packed LSB first, calling `body` for each.
    mutating func unpack(count: Int, bitWidth: Int, _ body: (UInt64) throws(ParquetError) -> Void) throws(ParquetError) {
        let byteCount = (count * bitWidth + 7) / 8
        guard remaining >= byteCount else { throw .malformed("bit-packed run past the end of the page") }
        let mask: UInt64 = bitWidth >= 64 ? ~0 : (1 << UInt64(bitWidth)) - 1
        var bitPosition = position * 8
        for _ in 0..<count {
            var value: UInt64 = 0
            var got = 0
            while got < bitWidth {
                let byteIndex = bitPosition >> 3
                let shift = bitPosition & 7
                let take = min(8 - shift, bitWidth - got)
                let bits = (UInt64(bytes[byteIndex]) >> UInt64(shift)) & ((1 << UInt64(take)) - 1)
                value |= bits << UInt64(got)
                got += take
                bitPosition += take
            }
            try body(value & mask)
        }
        position += byteCount
    }
}

/// Decodes the RLE/bit-packed hybrid encoding into `out` (exactly `count` values).
func decodeHybrid(_ cursor: inout PageCursor, bitWidth: Int, count: Int, into out: inout [UInt32]) throws(ParquetError) {
    guard bitWidth >= 0, bitWidth <= 32 else { throw .malformed("bit width \(bitWidth) out of range") }
    out.removeAll(keepingCapacity: true)
    out.reserveCapacity(count)
    if bitWidth == 0 {
        out.append(contentsOf: repeatElement(0, count: count))
        return
    }
    let valueBytes = (bitWidth + 7) / 8
    while out.count < count {
        let header = try cursor.varint()
        if header & 1 == 1 {
            let groups = Int(clamping: header >> 1)
            guard groups <= cursor.remaining else { throw .malformed("bit-packed run past the end of the page") }
            var left = count - out.count
            var values: [UInt32] = []
            try cursor.unpack(count: groups * 8, bitWidth: bitWidth) { v throws(ParquetError) in values.append(UInt32(truncatingIfNeeded: v)) }
            for v in values where left > 0 { out.append(v); left -= 1 }
        } else {
            let run = Int(clamping: header >> 1)
            var value: UInt32 = 0
            for i in 0..<valueBytes { value |= UInt32(try cursor.byte()) << UInt32(8 * i) }
            guard run > 0 else { continue }
            out.append(contentsOf: repeatElement(value, count: min(run, count - out.count)))
        }
    }
}

/// Decodes DELTA_BINARY_PACKED integers (up to `limit` of them).
func decodeDeltaBinaryPacked(_ cursor: inout PageCursor, limit: Int) throws(ParquetError) -> [Int64] {
    let blockSize = Int(clamping: try cursor.varint())
    let miniblocks = Int(clamping: try cursor.varint())
    let total = Int(clamping: try cursor.varint())
    var value = try cursor.zigzag()
    guard miniblocks > 0, blockSize > 0, blockSize % miniblocks == 0, blockSize <= 1 << 20,
          (blockSize / miniblocks) % 8 == 0 else { throw .malformed("bad DELTA_BINARY_PACKED block header") }
    guard total <= limit else { throw .malformed("DELTA_BINARY_PACKED holds more values than the page") }
    var out: [Int64] = []
    out.reserveCapacity(total)
    if total > 0 { out.append(value) }
    let perMiniblock = blockSize / miniblocks
    while out.count < total {
        let minDelta = try cursor.zigzag()
        var widths: [Int] = []
        for _ in 0..<miniblocks { widths.append(Int(try cursor.byte())) }
        for width in widths where out.count < total {
            guard width <= 64 else { throw .malformed("DELTA_BINARY_PACKED bit width \(width)") }
            try cursor.unpack(count: perMiniblock, bitWidth: width) { packed throws(ParquetError) in
                guard out.count < total else { return }
                value = value &+ minDelta &+ Int64(bitPattern: packed)
                out.append(value)
            }
        }
    }
    return out
}

/// Non-null values of one page (or a dictionary): fixed-width values back to back, or
/// variable-length values given by start/end bounds into `data`.
struct ParquetValues {
    var data: [UInt8] = []
    var count = 0
    /// Bytes per value; 0 for variable-length values.
    var width = 0
    /// For variable-length values: start and end of value i at 2i and 2i+1.
    var bounds: [Int] = []

    func withValue<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        data.withUnsafeBytes { all in
            if width > 0 {
                return body(UnsafeRawBufferPointer(rebasing: all[(i * width)..<((i + 1) * width)]))
            }
            return body(UnsafeRawBufferPointer(rebasing: all[bounds[2 * i]..<bounds[2 * i + 1]]))
        }
    }
}

/// The byte width of a fixed-width physical type (booleans are expanded to one byte).
func parquetValueWidth(_ type: ParquetPhysicalType, typeLength: Int) -> Int {
    switch type {
    case .boolean: return 1
    case .int32, .float: return 4
    case .int64, .double: return 8
    case .int96: return 12
    case .fixedLenByteArray: return typeLength
    case .byteArray: return 0
    }
}

/// Decodes `count` non-null values of `type` in `encoding` (not the dictionary encodings).
func decodeValues(_ cursor: inout PageCursor, encoding: ParquetEncoding, type: ParquetPhysicalType,
                  typeLength: Int, count: Int) throws(ParquetError) -> ParquetValues {
    var v = ParquetValues()
    v.count = count
    let width = parquetValueWidth(type, typeLength: typeLength)
    v.width = width
    switch (encoding, type) {
    case (.plain, .boolean), (.plainDictionary, .boolean):
        v.data.reserveCapacity(count)
        try cursor.unpack(count: count, bitWidth: 1) { bit throws(ParquetError) in v.data.append(UInt8(bit)) }
    case (.rle, .boolean):
        _ = try cursor.uint32LE()
        var bits: [UInt32] = []
        try decodeHybrid(&cursor, bitWidth: 1, count: count, into: &bits)
        v.data = bits.map { UInt8(truncatingIfNeeded: $0) }
    case (.plain, .byteArray), (.plainDictionary, .byteArray):
        v.width = 0
        v.bounds.reserveCapacity(2 * count)
        for _ in 0..<count {
            let n = Int(try cursor.uint32LE())
            guard n <= cursor.remaining else { throw .malformed("byte array longer than the page") }
            v.bounds.append(cursor.position)
            cursor.position += n
            v.bounds.append(cursor.position)
        }
        v.data = cursor.bytes
    case (.plain, _), (.plainDictionary, _):
        guard width > 0 else { throw .malformed("fixed-length column with length \(width)") }
        let (n, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, n <= cursor.remaining else { throw .malformed("values run past the end of the page") }
        v.data = Array(cursor.bytes[cursor.position..<(cursor.position + n)])
        cursor.position += n
    case (.byteStreamSplit, .int32), (.byteStreamSplit, .int64), (.byteStreamSplit, .float),
         (.byteStreamSplit, .double), (.byteStreamSplit, .fixedLenByteArray):
        guard width > 0 else { throw .malformed("fixed-length column with length \(width)") }
        let (n, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, n <= cursor.remaining else { throw .malformed("values run past the end of the page") }
        var out = [UInt8](repeating: 0, count: n)
        let base = cursor.position
        for k in 0..<width {
            for i in 0..<count { out[i * width + k] = cursor.bytes[base + k * count + i] }
        }
        v.data = out
        cursor.position += n
    case (.deltaBinaryPacked, .int32), (.deltaBinaryPacked, .int64):
        let ints = try decodeDeltaBinaryPacked(&cursor, limit: count)
        guard ints.count == count else { throw .malformed("DELTA_BINARY_PACKED holds \(ints.count) values, page has \(count)") }
        v.data.reserveCapacity(count * width)
        for x in ints {
            var le = x.littleEndian
            withUnsafeBytes(of: &le) { v.data.append(contentsOf: $0.prefix(width)) }
        }
    case (.deltaLengthByteArray, .byteArray):
        let lengths = try decodeDeltaBinaryPacked(&cursor, limit: count)
        guard lengths.count == count else { throw .malformed("DELTA_LENGTH_BYTE_ARRAY lengths do not match the page") }
        v.width = 0
        v.bounds.reserveCapacity(2 * count)
        for n in lengths {
            guard n >= 0, n <= cursor.remaining else { throw .malformed("byte array longer than the page") }
            v.bounds.append(cursor.position)
            cursor.position += Int(n)
            v.bounds.append(cursor.position)
        }
        v.data = cursor.bytes
    case (.deltaByteArray, .byteArray), (.deltaByteArray, .fixedLenByteArray):
        let prefixes = try decodeDeltaBinaryPacked(&cursor, limit: count)
        let suffixes = try decodeDeltaBinaryPacked(&cursor, limit: count)
        guard prefixes.count == count, suffixes.count == count else {
            throw .malformed("DELTA_BYTE_ARRAY lengths do not match the page")
        }
        v.width = type == .fixedLenByteArray ? width : 0
        var previous: [UInt8] = []
        for i in 0..<count {
            let p = prefixes[i], s = suffixes[i]
            guard p >= 0, p <= previous.count, s >= 0, s <= cursor.remaining else {
                throw .malformed("DELTA_BYTE_ARRAY value out of range")
            }
            let start = v.data.count
            v.data.append(contentsOf: previous.prefix(Int(p)))
            v.data.append(contentsOf: cursor.bytes[cursor.position..<(cursor.position + Int(s))])
            cursor.position += Int(s)
            if v.width > 0, v.data.count - start != v.width { throw .malformed("DELTA_BYTE_ARRAY value has the wrong length") }
            v.bounds.append(start)
            v.bounds.append(v.data.count)
            previous = Array(v.data[start...])
        }
        if v.width > 0 { v.bounds = [] }
    default:
        throw .unsupported("encoding \(encoding) for \(type) values")
    }
    return v
}
