/// The cells of one CSV/TSV record with their exact raw layout, for rewriting.
///
/// `CSVReader` streams decoded cell values to a visitor and does not keep a cell's raw extent
/// or quoting; rewriting needs both (a replaced cell is written back quoted if it was, and a
/// removed column takes its separator with it). The rules are `CSVReader`'s, and a test checks
/// that both decode the same values from the same files.
struct CSVRecordCells {
    struct Cell {
        /// The raw bytes of the cell in the record, quotes included.
        var raw: Range<Int>
        var quoted: Bool
        /// The decoded value (`""` inside quotes unescaped).
        var value: [UInt8]
    }

    var cells: [Cell] = []
    /// Where the line break starts (the record's length when there is none).
    var contentEnd: Int = 0
    /// The byte after a closing quote that was not a separator or line break (a malformed
    /// record, which `CSVReader` reports too), if any.
    var malformedAt: Int?

    init(_ record: UnsafeRawBufferPointer, separator: UInt8) {
        var end = record.count
        if end > 0, record[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > 0, record[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        contentEnd = end
        var i = 0
        while true {
            let start = i
            var value: [UInt8] = []
            var quoted = false
            if i < end, record[i] == UInt8(ascii: "\"") {
                quoted = true
                i += 1
                while i < end {
                    let b = record[i]
                    if b == UInt8(ascii: "\"") {
                        if i + 1 < end, record[i + 1] == UInt8(ascii: "\"") {
                            value.append(b)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    value.append(b)
                    i += 1
                }
                // Text after the closing quote is data, as CSVReader keeps it.
                while i < end, record[i] != separator {
                    if malformedAt == nil { malformedAt = i }
                    value.append(record[i])
                    i += 1
                }
            } else {
                while i < end, record[i] != separator {
                    value.append(record[i])
                    i += 1
                }
            }
            cells.append(Cell(raw: start..<i, quoted: quoted, value: value))
            if i >= end { break }
            i += 1  // the separator
        }
    }

    /// The value written back into a cell: quoted when the cell was, or when it must be.
    static func encode(_ value: [UInt8], quoted: Bool, separator: UInt8) -> [UInt8] {
        let needsQuotes = quoted || value.contains { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(value.count + 2)
        for b in value {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}
