/// Writes the benchmark rows as a Parquet file in memory: the smallest writer that gives the
/// reader real work (one REQUIRED column per field, PLAIN encoding, uncompressed v1 data pages,
/// a row group per `rowsPerGroup` rows). Benchmark-only: no nulls, no nesting, no statistics.
enum ParquetFixture {
    static func file(_ rows: [BenchRow], rowsPerGroup: Int = 10_000) -> [UInt8] {
        var out: [UInt8] = Array("PAR1".utf8)
        var groups: [[UInt8]] = []
        let names = ["id", "customer", "signup_date", "amount", "currency", "country", "status", "notes"]
        var start = 0
        while start < rows.count {
            let slice = rows[start..<min(rows.count, start + rowsPerGroup)]
            var chunks: [[UInt8]] = []
            var groupBytes = 0
            for (c, name) in names.enumerated() {
                // PLAIN values: INT64 little-endian for id, length-prefixed UTF-8 for the rest.
                var values: [UInt8] = []
                for r in slice {
                    if c == 0 {
                        withUnsafeBytes(of: Int64(r.id).littleEndian) { values += $0 }
                    } else {
                        let text: String
                        switch c {
                        case 1: text = r.customer
                        case 2: text = r.date
                        case 3: text = r.amount
                        case 4: text = r.currency
                        case 5: text = r.country
                        case 6: text = r.status
                        default: text = r.notes
                        }
                        withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { values += $0 }
                        values += Array(text.utf8)
                    }
                }
                var header = ThriftWriter()
                header.i32(1, 0)                      // DATA_PAGE
                header.i32(2, Int32(values.count))    // uncompressed size
                header.i32(3, Int32(values.count))    // compressed size
                header.beginStruct(5)                 // DataPageHeader
                header.i32(1, Int32(slice.count))
                header.i32(2, 0)                      // PLAIN
                header.i32(3, 3)                      // RLE levels (none: REQUIRED)
                header.i32(4, 3)
                header.endStruct()
                header.stop()
                let offset = out.count
                out += header.bytes
                out += values
                let size = header.bytes.count + values.count
                groupBytes += size
                var chunk = ThriftWriter()
                chunk.i64(2, Int64(offset))
                chunk.beginStruct(3)                  // ColumnMetaData
                chunk.i32(1, c == 0 ? 2 : 6)          // INT64 or BYTE_ARRAY
                chunk.listHeader(2, count: 1, elementType: 5)
                chunk.varint(0)                       // encodings: [PLAIN]
                chunk.listHeader(3, count: 1, elementType: 8)
                chunk.binary(name)
                chunk.i32(4, 0)                       // UNCOMPRESSED
                chunk.i64(5, Int64(slice.count))
                chunk.i64(6, Int64(size))
                chunk.i64(7, Int64(size))
                chunk.i64(9, Int64(offset))
                chunk.endStruct()
                chunk.stop()
                chunks.append(chunk.bytes)
            }
            var group = ThriftWriter()
            group.listHeader(1, count: chunks.count, elementType: 12)
            for chunk in chunks { group.bytes += chunk }
            group.i64(2, Int64(groupBytes))
            group.i64(3, Int64(slice.count))
            group.stop()
            groups.append(group.bytes)
            start += rowsPerGroup
        }
        var footer = ThriftWriter()
        footer.i32(1, 1)
        footer.listHeader(2, count: names.count + 1, elementType: 12)
        // Root: name and child count.
        footer.withStruct { s in s.string(4, "schema"); s.i32(5, Int32(names.count)) }
        for (c, name) in names.enumerated() {
            footer.withStruct { s in
                s.i32(1, c == 0 ? 2 : 6)
                s.i32(3, 0)                           // REQUIRED
                s.string(4, name)
                if c > 0 { s.i32(6, 0) }              // converted type UTF8
            }
        }
        footer.i64(3, Int64(rows.count))
        footer.listHeader(4, count: groups.count, elementType: 12)
        for group in groups { footer.bytes += group }
        footer.stop()
        out += footer.bytes
        withUnsafeBytes(of: UInt32(footer.bytes.count).littleEndian) { out += $0 }
        out += Array("PAR1".utf8)
        return out
    }
}

/// Thrift compact protocol, writing side, as much as the fixture needs.
struct ThriftWriter {
    var bytes: [UInt8] = []
    private var lastField: [Int16] = [0]

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    private mutating func zigzag(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    private mutating func fieldHeader(_ id: Int16, _ type: UInt8) {
        let delta = id - lastField[lastField.count - 1]
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type)
        } else {
            bytes.append(type)
            zigzag(Int64(id))
        }
        lastField[lastField.count - 1] = id
    }

    mutating func i32(_ id: Int16, _ value: Int32) { fieldHeader(id, 5); zigzag(Int64(value)) }
    mutating func i64(_ id: Int16, _ value: Int64) { fieldHeader(id, 6); zigzag(value) }
    mutating func string(_ id: Int16, _ value: String) { fieldHeader(id, 8); binary(value) }
    mutating func binary(_ value: String) { varint(UInt64(value.utf8.count)); bytes += Array(value.utf8) }
    mutating func listHeader(_ id: Int16, count: Int, elementType: UInt8) {
        fieldHeader(id, 9)
        if count < 15 { bytes.append(UInt8(count) << 4 | elementType) } else { bytes.append(0xF0 | elementType); varint(UInt64(count)) }
    }
    mutating func beginStruct(_ id: Int16) { fieldHeader(id, 12); lastField.append(0) }
    mutating func endStruct() { bytes.append(0); lastField.removeLast() }
    mutating func stop() { bytes.append(0) }
    /// A struct as a list element (no field header).
    mutating func withStruct(_ body: (inout ThriftWriter) -> Void) {
        lastField.append(0)
        body(&self)
        bytes.append(0)
        lastField.removeLast()
    }
}
