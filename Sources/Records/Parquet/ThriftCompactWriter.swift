/// A writer of Thrift's compact protocol, the mirror of `ThriftReader`, and `ThriftValue`, a
/// generic tree of compact-protocol values.
///
/// The Parquet rewriter reads the whole footer into a `ThriftValue` tree, changes the few fields
/// it must (offsets, sizes, row counts, dropped statistics and columns) and writes the tree back:
/// every field it does not know about (newer Parquet versions, writer-specific extensions) is
/// carried over unchanged, with no generated code to keep in step with parquet.thrift.
struct ThriftWriter {
    private(set) var bytes: [UInt8] = []

    init() {}

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func zigzag(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func binary<C: Collection>(_ value: C) where C.Element == UInt8 {
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A field header; `lastID` is the previous field id of the same struct (starts at 0).
    mutating func fieldHeader(id: Int16, type: UInt8, lastID: inout Int16) {
        let delta = Int(id) - Int(lastID)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type)
        } else {
            bytes.append(type)
            zigzag(Int64(id))
        }
        lastID = id
    }

    mutating func listHeader(count: Int, elementType: UInt8) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType)
        } else {
            bytes.append(0xF0 | elementType)
            varint(UInt64(count))
        }
    }

    mutating func stop() { bytes.append(0) }

    // Field helpers for structs written from scratch (page headers).

    mutating func i32Field(_ id: Int16, _ value: Int32, lastID: inout Int16) {
        fieldHeader(id: id, type: ThriftReader.FieldType.i32.rawValue, lastID: &lastID)
        zigzag(Int64(value))
    }
}

/// A compact-protocol value of any type, as read from (and written back to) Parquet metadata.
indirect enum ThriftValue {
    case bool(Bool)
    case byte(UInt8)
    case i16(Int16)
    case i32(Int32)
    case i64(Int64)
    /// A double's bit pattern (kept exactly, NaN payloads included).
    case double(UInt64)
    case binary([UInt8])
    /// A list or set: the element type code as read and the elements.
    case list(elementType: UInt8, elements: [ThriftValue], isSet: Bool)
    case map(keyType: UInt8, valueType: UInt8, entries: [(ThriftValue, ThriftValue)])
    case structure(ThriftStruct)

    /// The compact type code of the value as a struct field.
    var fieldType: UInt8 {
        switch self {
        case .bool(let b): return b ? 1 : 2
        case .byte: return 3
        case .i16: return 4
        case .i32: return 5
        case .i64: return 6
        case .double: return 7
        case .binary: return 8
        case .list(_, _, let isSet): return isSet ? 10 : 9
        case .map: return 11
        case .structure: return 12
        }
    }

    /// Reads a value of compact type `type`; `inCollection` for list, set and map elements
    /// (where a boolean takes a byte of its own).
    static func read(_ r: inout ThriftReader, type: UInt8, inCollection: Bool = false) throws(ParquetError) -> ThriftValue {
        switch ThriftReader.FieldType(rawValue: type) {
        case .boolTrue, .boolFalse:
            if inCollection { return .bool(try r.byte() == 1) }
            return .bool(type == 1)
        case .byte: return .byte(try r.byte())
        case .i16:
            let v = try r.zigzag()
            guard let x = Int16(exactly: v) else { throw .malformed("16-bit integer out of range in metadata") }
            return .i16(x)
        case .i32: return .i32(try r.i32())
        case .i64: return .i64(try r.zigzag())
        case .double:
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(try r.byte()) << UInt64(8 * i) }
            return .double(bits)
        case .binary: return .binary(Array(try r.binary()))
        case .list, .set:
            let (count, elementType) = try r.listHeader()
            try r.enter()
            defer { r.leave() }
            var elements: [ThriftValue] = []
            elements.reserveCapacity(count)
            for _ in 0..<count { elements.append(try read(&r, type: elementType, inCollection: true)) }
            return .list(elementType: elementType, elements: elements, isSet: type == 10)
        case .map:
            let count = try r.varint()
            guard count <= UInt64(r.remaining) else { throw .malformed("map longer than the metadata") }
            if count == 0 { return .map(keyType: 0, valueType: 0, entries: []) }
            let types = try r.byte()
            try r.enter()
            defer { r.leave() }
            var entries: [(ThriftValue, ThriftValue)] = []
            for _ in 0..<count {
                let key = try read(&r, type: types >> 4, inCollection: true)
                let value = try read(&r, type: types & 0x0F, inCollection: true)
                entries.append((key, value))
            }
            return .map(keyType: types >> 4, valueType: types & 0x0F, entries: entries)
        case .structure:
            return .structure(try ThriftStruct.read(&r))
        case nil:
            throw .malformed("unknown value type \(type) in metadata")
        }
    }

    /// Writes the value's payload (a field's or element's header is the caller's).
    func write(to w: inout ThriftWriter, inCollection: Bool = false) {
        switch self {
        case .bool(let b): if inCollection { w.byte(b ? 1 : 2) }
        case .byte(let b): w.byte(b)
        case .i16(let v): w.zigzag(Int64(v))
        case .i32(let v): w.zigzag(Int64(v))
        case .i64(let v): w.zigzag(v)
        case .double(let bits): for i in 0..<8 { w.byte(UInt8(truncatingIfNeeded: bits >> UInt64(8 * i))) }
        case .binary(let b): w.binary(b)
        case .list(let elementType, let elements, _):
            w.listHeader(count: elements.count, elementType: elementType)
            for e in elements { e.write(to: &w, inCollection: true) }
        case .map(let keyType, let valueType, let entries):
            w.varint(UInt64(entries.count))
            if entries.isEmpty { return }
            w.byte(keyType << 4 | valueType)
            for (k, v) in entries {
                k.write(to: &w, inCollection: true)
                v.write(to: &w, inCollection: true)
            }
        case .structure(let s): s.write(to: &w)
        }
    }

    var structure: ThriftStruct? {
        if case .structure(let s) = self { return s }
        return nil
    }

    var int: Int? {
        switch self {
        case .byte(let v): return Int(v)
        case .i16(let v): return Int(v)
        case .i32(let v): return Int(v)
        case .i64(let v): return Int(v)
        default: return nil
        }
    }

    var bytes: [UInt8]? {
        if case .binary(let b) = self { return b }
        return nil
    }

    /// The elements of a list or set.
    var elements: [ThriftValue]? {
        if case .list(_, let elements, _) = self { return elements }
        return nil
    }

    /// A list of structs.
    static func structList(_ elements: [ThriftStruct]) -> ThriftValue {
        .list(elementType: 12, elements: elements.map { .structure($0) }, isSet: false)
    }
}

/// A struct's fields in the order read (written back in that order).
struct ThriftStruct {
    var fields: [(id: Int16, value: ThriftValue)] = []

    init(fields: [(id: Int16, value: ThriftValue)] = []) { self.fields = fields }

    static func read(_ r: inout ThriftReader) throws(ParquetError) -> ThriftStruct {
        try r.enter()
        defer { r.leave() }
        var s = ThriftStruct()
        var last: Int16 = 0
        while let (id, type) = try r.nextField(&last) {
            s.fields.append((id, try ThriftValue.read(&r, type: type)))
        }
        return s
    }

    /// Reads a whole buffer as one top-level struct (the footer, a page index).
    static func read(_ bytes: [UInt8]) throws(ParquetError) -> ThriftStruct {
        var r = ThriftReader(bytes)
        var s = ThriftStruct()
        var last: Int16 = 0
        while let (id, type) = try r.nextField(&last) {
            s.fields.append((id, try ThriftValue.read(&r, type: type)))
        }
        return s
    }

    func write(to w: inout ThriftWriter) {
        var last: Int16 = 0
        for (id, value) in fields {
            w.fieldHeader(id: id, type: value.fieldType, lastID: &last)
            value.write(to: &w)
        }
        w.stop()
    }

    var encoded: [UInt8] {
        var w = ThriftWriter()
        write(to: &w)
        return w.bytes
    }

    /// The first field with `id`; setting replaces it in place, or appends it in id order;
    /// setting nil removes it.
    subscript(id: Int16) -> ThriftValue? {
        get { fields.first { $0.id == id }?.value }
        set {
            if let index = fields.firstIndex(where: { $0.id == id }) {
                if let newValue { fields[index].value = newValue } else { fields.removeAll { $0.id == id } }
            } else if let newValue {
                let at = fields.firstIndex { $0.id > id } ?? fields.count
                fields.insert((id, newValue), at: at)
            }
        }
    }

    mutating func remove(_ ids: Int16...) {
        fields.removeAll { ids.contains($0.id) }
    }
}
