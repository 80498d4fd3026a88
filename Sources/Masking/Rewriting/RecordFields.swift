import Records

/// One value of a record, with where its bytes are in the record.
struct RecordField {
    var position: FieldPosition
    var columnName: String?
    /// A CSV header cell or a JSON key.
    var isName: Bool
    /// The decoded value.
    var value: [UInt8]
    /// The raw bytes the value occupies in the record (without quotes).
    var raw: Range<Int>
    /// A CSV cell or JSON string written in quotes.
    var quoted: Bool
    /// For a JSON member's value: where its key starts (the opening quote); for removal.
    var memberStart: Int?
    /// For a CSV cell: its column from 1.
    var column: Int?
}

/// Reads the fields of one JSON or JSON Lines record with `JSONReader`, keeping each value's
/// raw extent: the reader gives where a value starts; its end is found from there (a closing
/// quote not escaped, or the end of a number).
struct JSONRecordFields: FieldVisitor {
    var fields: [RecordField] = []
    private var current: RecordField?
    private let record: UnsafeRawBufferPointer
    /// The last key seen: the reader delivers a member's key right before its value.
    private var lastKey: (path: FieldPath, start: Int)?

    /// Parses `record`; `issueCount` > 0 means it is not valid JSON.
    static func parse(_ record: UnsafeRawBufferPointer, index: Int, document: Bool) -> (fields: [RecordField], issueCount: Int) {
        var visitor = JSONRecordFields(record: record)
        var source = MemoryByteSource(Array(record))
        let report: ReadReport
        do {
            report = document ? try JSONReader().read(from: &source, into: &visitor)
                              : try JSONLinesReader().read(from: &source, into: &visitor)
        } catch {
            return ([], 1)
        }
        var fields = visitor.fields
        if !document {
            for i in fields.indices {
                if case .record(_, let path) = fields[i].position { fields[i].position = .record(index: index, path: path) }
            }
        }
        return (fields, report.issueCount)
    }

    init(record: UnsafeRawBufferPointer) { self.record = record }

    mutating func visit(_ piece: FieldPiece) -> Bool {
        if piece.isFirstPiece {
            let start = piece.offsets.raw(0)
            let quoted = start > 0 && start <= record.count && record[start - 1] == UInt8(ascii: "\"")
            current = RecordField(position: piece.position, columnName: nil, isName: piece.isName, value: [],
                                  raw: start..<start, quoted: quoted)
        }
        current?.value.append(contentsOf: piece.bytes)
        if piece.isLastPiece, var field = current {
            field.raw = field.raw.lowerBound..<rawEnd(from: field.raw.lowerBound, quoted: field.quoted)
            if case .record(_, let path) = field.position {
                if field.isName {
                    lastKey = (path, field.raw.lowerBound - 1)
                } else if let key = lastKey, key.path == path {
                    field.memberStart = key.start
                }
            }
            fields.append(field)
            current = nil
        }
        return true
    }

    private func rawEnd(from start: Int, quoted: Bool) -> Int {
        var i = start
        if quoted {
            while i < record.count {
                let b = record[i]
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") { return i }
                i += 1
            }
            return record.count
        }
        while i < record.count {
            let b = record[i]
            let isNumberByte = (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
            if !isNumberByte { break }
            i += 1
        }
        return max(i, start)
    }
}

enum JSONText {
    /// A decoded value as the content of a JSON string (quotes not included).
    static func escape(_ value: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.count + 8)
        let hex = Array("0123456789abcdef".utf8)
        for b in value {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), b]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), b]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        return out
    }

    /// Whether `value` is a JSON number, so it can replace a number without quotes.
    static func isNumber(_ value: [UInt8]) -> Bool {
        var i = 0
        let n = value.count
        if i < n, value[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return false }
        if value[i] == UInt8(ascii: "0") { i += 1 } else {
            guard value[i] >= 0x31 && value[i] <= 0x39 else { return false }
            while i < n, value[i] >= 0x30 && value[i] <= 0x39 { i += 1 }
        }
        if i < n, value[i] == UInt8(ascii: ".") {
            i += 1
            let s = i
            while i < n, value[i] >= 0x30 && value[i] <= 0x39 { i += 1 }
            guard i > s else { return false }
        }
        if i < n, value[i] == UInt8(ascii: "e") || value[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, value[i] == UInt8(ascii: "+") || value[i] == UInt8(ascii: "-") { i += 1 }
            let s = i
            while i < n, value[i] >= 0x30 && value[i] <= 0x39 { i += 1 }
            guard i > s else { return false }
        }
        return i == n
    }
}
