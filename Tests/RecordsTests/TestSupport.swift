import Records

/// One piece as a visitor saw it, copied out of the lent buffer.
struct SeenPiece: Hashable {
    var bytes: [UInt8]
    var position: FieldPosition
    var columnName: String?
    var decodedStart: Int
    var isFirstPiece: Bool
    var isLastPiece: Bool
    var isName: Bool
    /// `offsets.raw(decodedStart + i)` for every byte of the piece.
    var raw: [Int]

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A whole value put back together from its pieces.
struct SeenValue: Hashable, CustomStringConvertible {
    var position: FieldPosition
    var columnName: String?
    var isName: Bool
    var bytes: [UInt8]
    var raw: [Int]

    var text: String { String(decoding: bytes, as: UTF8.self) }

    var description: String {
        let place: String
        switch position {
        case .cell(let row, let column): place = "r\(row)c\(column)"
        case .record(let index, let path): place = "#\(index)\(path)"
        }
        return "\(place)\(isName ? "(name)" : "")\(columnName.map { "[\($0)]" } ?? "")=\(text)"
    }
}

/// Records every piece; can stop after a given count.
struct Collector: FieldVisitor {
    var pieces: [SeenPiece] = []
    var stopAfter: Int? = nil

    mutating func visit(_ piece: FieldPiece) -> Bool {
        let raw = (0..<piece.bytes.count).map { piece.offsets.raw(piece.decodedStart + $0) }
        pieces.append(SeenPiece(bytes: Array(piece.bytes), position: piece.position, columnName: piece.columnName,
                                decodedStart: piece.decodedStart, isFirstPiece: piece.isFirstPiece,
                                isLastPiece: piece.isLastPiece, isName: piece.isName, raw: raw))
        if let stopAfter, pieces.count >= stopAfter { return false }
        return true
    }

    /// The values, joining pieces; checks that pieces are consistent while doing so.
    var values: [SeenValue] {
        var out: [SeenValue] = []
        for piece in pieces {
            if piece.isFirstPiece {
                out.append(SeenValue(position: piece.position, columnName: piece.columnName, isName: piece.isName,
                                     bytes: piece.bytes, raw: piece.raw))
            } else if var last = out.popLast() {
                precondition(last.position == piece.position && last.bytes.count == piece.decodedStart)
                last.bytes += piece.bytes
                last.raw += piece.raw
                out.append(last)
            }
        }
        return out
    }

    var texts: [String] { values.map(\.description) }
}

/// A source that returns the bytes a few at a time: `sizes` cycled.
struct ChunkedSource: ByteSource {
    var bytes: [UInt8]
    var sizes: [Int]
    var position = 0
    var turn = 0

    init(_ bytes: [UInt8], sizes: [Int]) {
        self.bytes = bytes
        self.sizes = sizes
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        let want = sizes[turn % sizes.count]
        turn += 1
        let count = min(want, buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        for k in 0..<count { buffer[k] = bytes[position + k] }
        position += count
        return count
    }
}

/// A source that fails on the first read.
struct FailingSource: ByteSource {
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        throw ReadError(kind: .read, code: 5, message: "input/output error")
    }
}

func readCSV(_ text: String, reader: CSVReader = CSVReader()) throws -> (Collector, ReadReport) {
    var source = MemoryByteSource(text)
    var collector = Collector()
    let report = try reader.read(from: &source, into: &collector)
    return (collector, report)
}

func readCSV(_ bytes: [UInt8], sizes: [Int], reader: CSVReader = CSVReader()) throws -> (Collector, ReadReport) {
    var source = ChunkedSource(bytes, sizes: sizes)
    var collector = Collector()
    let report = try reader.read(from: &source, into: &collector)
    return (collector, report)
}

/// The offsets of `needle`'s bytes inside `haystack` (first occurrence).
func offsets(of needle: String, in haystack: String) -> [Int] {
    let h = Array(haystack.utf8), n = Array(needle.utf8)
    for start in 0...(h.count - n.count) where Array(h[start..<start + n.count]) == n {
        return Array(start..<start + n.count)
    }
    return []
}
