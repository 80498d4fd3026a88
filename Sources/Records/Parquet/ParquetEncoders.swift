/// The encoders the Parquet rewriter needs (Encodings.md in apache/parquet-format): the
/// RLE/bit-packed hybrid for repetition and definition levels, PLAIN for values, and data page
/// v1 assembly.

/// Appends `values` packed `bitWidth` bits each, least significant bit first (the order the
/// hybrid's bit-packed runs and PLAIN booleans use); the last byte is zero-padded.
func appendBitPacked<C: Collection>(_ values: C, bitWidth: Int, into out: inout [UInt8]) where C.Element == UInt32 {
    var accumulator: UInt64 = 0
    var bits = 0
    for v in values {
        accumulator |= UInt64(v) << UInt64(bits)
        bits += bitWidth
        while bits >= 8 {
            out.append(UInt8(truncatingIfNeeded: accumulator))
            accumulator >>= 8
            bits -= 8
        }
    }
    if bits > 0 { out.append(UInt8(truncatingIfNeeded: accumulator)) }
}

private func appendVarint(_ value: Int, into out: inout [UInt8]) {
    var v = UInt64(value)
    while v >= 0x80 {
        out.append(UInt8(truncatingIfNeeded: v) | 0x80)
        v >>= 7
    }
    out.append(UInt8(v))
}

/// Encodes `values` (each below 2^bitWidth, bitWidth 1...32) in the RLE/bit-packed hybrid:
/// runs of 8 or more equal values become RLE runs, everything else bit-packed groups of 8.
/// The final group is padded with zeros; readers take only as many values as the page holds.
func encodeHybrid(_ values: ArraySlice<UInt32>, bitWidth: Int, into out: inout [UInt8]) {
    guard bitWidth > 0 else { return }
    var pending: [UInt32] = []
    func flushPending(_ out: inout [UInt8]) {
        guard !pending.isEmpty else { return }
        while pending.count % 8 != 0 { pending.append(0) }
        appendVarint((pending.count / 8) << 1 | 1, into: &out)
        appendBitPacked(pending, bitWidth: bitWidth, into: &out)
        pending.removeAll(keepingCapacity: true)
    }
    let valueBytes = (bitWidth + 7) / 8
    var i = values.startIndex
    while i < values.endIndex {
        let v = values[i]
        var j = i + 1
        while j < values.endIndex && values[j] == v { j += 1 }
        var run = j - i
        // A bit-packed run must hold whole groups of 8 before an RLE run can follow it.
        let topUp = (8 - pending.count % 8) % 8
        if run - topUp >= 8 {
            pending.append(contentsOf: repeatElement(v, count: topUp))
            run -= topUp
            flushPending(&out)
            appendVarint(run << 1, into: &out)
            for k in 0..<valueBytes { out.append(UInt8(truncatingIfNeeded: v >> UInt32(8 * k))) }
        } else {
            pending.append(contentsOf: repeatElement(v, count: run))
        }
        i = j
    }
    flushPending(&out)
}

/// Values of one column chunk, physical bytes back to back (booleans one byte each, 0 or 1).
struct ParquetValueStore {
    var data: [UInt8] = []
    /// End offset of value i in `data`.
    var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        data.append(contentsOf: bytes)
        ends.append(data.count)
    }

    mutating func append(_ bytes: [UInt8]) {
        data.append(contentsOf: bytes)
        ends.append(data.count)
    }

    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    mutating func removeAll() {
        data.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}

/// Appends values `range` of `store` in PLAIN encoding for `type`.
func encodePlain(_ store: ParquetValueStore, range: Range<Int>, type: ParquetPhysicalType, into out: inout [UInt8]) {
    switch type {
    case .boolean:
        appendBitPacked(range.lazy.map { UInt32(store.data[store.range($0).lowerBound] & 1) }, bitWidth: 1, into: &out)
    case .byteArray:
        for i in range {
            let r = store.range(i)
            let n = UInt32(truncatingIfNeeded: r.count)
            out.append(contentsOf: [UInt8(truncatingIfNeeded: n), UInt8(truncatingIfNeeded: n >> 8),
                                    UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 24)])
            out.append(contentsOf: store.data[r])
        }
    default:
        guard !range.isEmpty else { return }
        out.append(contentsOf: store.data[store.range(range.lowerBound).lowerBound..<store.range(range.upperBound - 1).upperBound])
    }
}

/// One data page (v1) ready to write: its Thrift header and its (compressed) body.
struct ParquetEncodedPage {
    var header: [UInt8]
    var body: [UInt8]
    var uncompressedSize: Int
}

/// Builds a data page v1: repetition levels and definition levels (each a 4-byte length and
/// the hybrid encoding, present only when the column's maximum level is above 0), then the
/// PLAIN values, the whole compressed with `codec`.
func encodeDataPageV1(repetition: ArraySlice<UInt32>, maxRepetition: Int,
                      definition: ArraySlice<UInt32>, maxDefinition: Int,
                      entryCount: Int, plainValues: [UInt8], codec: ParquetCodec) throws(ParquetError) -> ParquetEncodedPage {
    var body: [UInt8] = []
    body.reserveCapacity(plainValues.count + entryCount / 2 + 16)
    for (levels, maxLevel) in [(repetition, maxRepetition), (definition, maxDefinition)] where maxLevel > 0 {
        let lengthAt = body.count
        body.append(contentsOf: [0, 0, 0, 0])
        encodeHybrid(levels, bitWidth: bitWidth(maxLevel), into: &body)
        let n = body.count - lengthAt - 4
        for k in 0..<4 { body[lengthAt + k] = UInt8(truncatingIfNeeded: n >> (8 * k)) }
    }
    body.append(contentsOf: plainValues)
    let uncompressed = body.count
    let compressed = try codec.compress(body)
    guard uncompressed <= Int(Int32.max), compressed.count <= Int(Int32.max), entryCount <= Int(Int32.max) else {
        throw .unsupported("page larger than 2 GiB")
    }
    var w = ThriftWriter()
    var last: Int16 = 0
    w.i32Field(1, ParquetPageType.dataPage.rawValue, lastID: &last)
    w.i32Field(2, Int32(uncompressed), lastID: &last)
    w.i32Field(3, Int32(compressed.count), lastID: &last)
    w.fieldHeader(id: 5, type: ThriftReader.FieldType.structure.rawValue, lastID: &last)
    var inner: Int16 = 0
    w.i32Field(1, Int32(entryCount), lastID: &inner)
    w.i32Field(2, ParquetEncoding.plain.rawValue, lastID: &inner)
    w.i32Field(3, ParquetEncoding.rle.rawValue, lastID: &inner)
    w.i32Field(4, ParquetEncoding.rle.rawValue, lastID: &inner)
    w.stop()
    w.stop()
    return ParquetEncodedPage(header: w.bytes, body: compressed, uncompressedSize: uncompressed)
}
