/// A problem inside a Parquet file; the message names the place and never quotes content.
struct ParquetError: Error {
    enum Kind { case malformed, unsupported }
    var kind: Kind
    var message: String

    static func malformed(_ message: String) -> ParquetError { ParquetError(kind: .malformed, message: message) }
    static func unsupported(_ message: String) -> ParquetError { ParquetError(kind: .unsupported, message: message) }
}

/// A reader of Thrift's compact protocol, the encoding of Parquet's footer and page headers.
///
/// Written here rather than taken from Apache Thrift: Parquet needs only reading, of a handful
/// of structs, and a hand-written reader can bound every count by the bytes left (a corrupt
/// list length cannot make it allocate), which generated code does not do.
struct ThriftReader {
    /// Compact-protocol type codes.
    enum FieldType: UInt8 {
        case boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
        case binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    let bytes: [UInt8]
    var position: Int
    let end: Int
    private var depth = 0
    static let maxDepth = 32

    init(_ bytes: [UInt8], from position: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var remaining: Int { end - position }

    mutating func byte() throws(ParquetError) -> UInt8 {
        guard position < end else { throw .malformed("metadata ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func varint() throws(ParquetError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            if shift < 64 { result |= UInt64(b & 0x7F) << shift }
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift > 70 { throw .malformed("varint too long in metadata") }
        }
    }

    mutating func zigzag() throws(ParquetError) -> Int64 {
        let v = try varint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    mutating func i32() throws(ParquetError) -> Int32 {
        let v = try zigzag()
        guard let r = Int32(exactly: v) else { throw .malformed("32-bit integer out of range in metadata") }
        return r
    }

    mutating func int() throws(ParquetError) -> Int {
        Int(try zigzag())
    }

    mutating func binary() throws(ParquetError) -> ArraySlice<UInt8> {
        let n = try varint()
        guard n <= UInt64(remaining) else { throw .malformed("string longer than the metadata") }
        let start = position
        position += Int(n)
        return bytes[start..<position]
    }

    mutating func string() throws(ParquetError) -> String {
        String(decoding: try binary(), as: UTF8.self)
    }

    /// The next field header of the current struct, or nil at its end. `lastID` is the
    /// struct's previous field id (starts at 0).
    mutating func nextField(_ lastID: inout Int16) throws(ParquetError) -> (id: Int16, type: UInt8)? {
        let header = try byte()
        let type = header & 0x0F
        if type == 0 { return nil }
        let delta = header >> 4
        if delta != 0 {
            lastID = lastID &+ Int16(delta)
        } else {
            let v = try zigzag()
            guard let id = Int16(exactly: v) else { throw .malformed("field id out of range in metadata") }
            lastID = id
        }
        return (lastID, type)
    }

    /// A list's element count (bounded by the bytes left) and element type.
    mutating func listHeader() throws(ParquetError) -> (count: Int, type: UInt8) {
        let header = try byte()
        var count = UInt64(header >> 4)
        if count == 15 { count = try varint() }
        guard count <= UInt64(remaining) else { throw .malformed("list longer than the metadata") }
        return (Int(count), header & 0x0F)
    }

    /// Enters a nested struct; call `leave()` after it.
    mutating func enter() throws(ParquetError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw .malformed("metadata nested too deeply") }
    }

    mutating func leave() { depth -= 1 }

    /// Skips a value of compact type `type`.
    mutating func skip(_ type: UInt8) throws(ParquetError) {
        switch FieldType(rawValue: type) {
        case .boolTrue, .boolFalse: return
        case .byte: _ = try byte()
        case .i16, .i32, .i64: _ = try varint()
        case .double:
            guard remaining >= 8 else { throw .malformed("metadata ends early") }
            position += 8
        case .binary: _ = try binary()
        case .list, .set:
            let (count, elementType) = try listHeader()
            try enter()
            for _ in 0..<count {
                if elementType == 1 || elementType == 2 { _ = try byte() } else { try skip(elementType) }
            }
            leave()
        case .map:
            let count = try varint()
            guard count <= UInt64(remaining) else { throw .malformed("map longer than the metadata") }
            if count == 0 { return }
            let types = try byte()
            try enter()
            for _ in 0..<count {
                for t in [types >> 4, types & 0x0F] {
                    if t == 1 || t == 2 { _ = try byte() } else { try skip(t) }
                }
            }
            leave()
        case .structure:
            try enter()
            var last: Int16 = 0
            while let field = try nextField(&last) { try skip(field.type) }
            leave()
        case nil:
            throw .malformed("unknown value type \(type) in metadata")
        }
    }
}
