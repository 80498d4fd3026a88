/// Where a field value sits inside a structured object.
///
/// CSV/TSV cells use spreadsheet numbering (the header is row 1, columns from 1); JSON,
/// JSON Lines and (later) Parquet records use a record index from 0 and a path of element
/// names and array indices.
public enum FieldPosition: Sendable, Hashable {
    /// A CSV/TSV cell. `row` counts the header as row 1; `column` is 1-based.
    case cell(row: Int, column: Int)
    /// A value inside a record: JSON Lines line number from 0 (0 for a JSON document) and the path.
    case record(index: Int, path: FieldPath)
}

/// A path to a value inside a record, printed as JSONPath (`$.user.emails[2]`).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Element: Sendable, Hashable {
        case name(String)
        case index(Int)
    }

    public var elements: [Element]

    public init(_ elements: [Element] = []) { self.elements = elements }

    /// The names on the path, in order (indices left out); each counts as a keyword.
    public var names: [String] {
        elements.compactMap { if case .name(let n) = $0 { return n } else { return nil } }
    }

    /// JSONPath text: `$`, then `.name` for simple names, `['na me']` otherwise, `[i]` for indices.
    public var description: String {
        var out = "$"
        for element in elements {
            switch element {
            case .index(let i):
                out += "[\(i)]"
            case .name(let n):
                if !n.isEmpty, n.utf8.allSatisfy({ FieldPath.isPlainNameByte($0) }),
                   let first = n.utf8.first, !(first >= 0x30 && first <= 0x39) {
                    out += "." + n
                } else {
                    var escaped = ""
                    for ch in n.unicodeScalars {
                        switch ch {
                        case "'": escaped += "\\'"
                        case "\\": escaped += "\\\\"
                        default: escaped.unicodeScalars.append(ch)
                        }
                    }
                    out += "['" + escaped + "']"
                }
            }
        }
        return out
    }

    private static func isPlainNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
    }
}

/// Maps offsets in a decoded value back to byte offsets in the file.
///
/// A value that was copied verbatim from the file has one anchor `(0, start)`. Decoding that
/// changes lengths (a doubled quote in CSV, `\n` or `\u00e9` in JSON) adds an anchor after each
/// such escape: a decoded offset `d` maps to `anchor.raw + (d - anchor.decoded)` for the last
/// anchor whose `decoded` is at most `d`.
public struct OffsetMap: Sendable, Hashable {
    public struct Anchor: Sendable, Hashable {
        public var decoded: Int
        public var raw: Int
        public init(decoded: Int, raw: Int) { self.decoded = decoded; self.raw = raw }
    }

    /// The first anchor, held inline: most values have only this one, and then the map
    /// allocates nothing (it is made once per field on the scan's hot path).
    private var first: Anchor
    /// Anchors after the first, in increasing `decoded` order.
    private var rest: [Anchor] = []

    /// Anchors in increasing `decoded` order; never empty.
    public var anchors: [Anchor] { [first] + rest }

    /// The number of anchors.
    public var anchorCount: Int { rest.count + 1 }

    /// A value copied verbatim from the file starting at byte `rawStart`.
    public init(rawStart: Int) { first = Anchor(decoded: 0, raw: rawStart) }

    /// Records that decoded offset `decoded` corresponds to file offset `raw`.
    /// Calls must come in increasing `decoded` order.
    public mutating func add(decoded: Int, raw: Int) {
        let lastDecoded = rest.last?.decoded ?? first.decoded
        if lastDecoded == decoded {
            if rest.isEmpty { first.raw = raw } else { rest[rest.count - 1].raw = raw }
        } else {
            rest.append(Anchor(decoded: decoded, raw: raw))
        }
    }

    /// The file offset of decoded offset `decoded`. O(log anchors).
    public func raw(_ decoded: Int) -> Int {
        let anchor = anchor(at: decoded)
        return anchor.raw + (decoded - anchor.decoded)
    }

    /// The last anchor whose `decoded` is at most `decoded` (the first one if none is).
    private func anchor(at decoded: Int) -> Anchor {
        guard let head = rest.first, head.decoded <= decoded else { return first }
        var lo = 0, hi = rest.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if rest[mid].decoded <= decoded { lo = mid } else { hi = mid - 1 }
        }
        return rest[lo]
    }

    /// The file byte range of the decoded range `start..<end`.
    public func rawRange(_ start: Int, _ end: Int) -> Range<Int> {
        let s = raw(start)
        // The end maps from the last byte inside the range so an escape right after the
        // match is not counted in it.
        let e = end > start ? raw(end - 1) + 1 : s
        return s..<max(s, e)
    }
}

/// Names one value of a dictionary: `dictionary` is unique within one read of an object (a new
/// one for each dictionary page), `entry` is the value's index in it.
public struct DictionaryEntry: Sendable, Hashable {
    public let dictionary: Int
    public let entry: Int

    public init(dictionary: Int, entry: Int) {
        self.dictionary = dictionary
        self.entry = entry
    }
}

/// A field value handed to a visitor: its decoded bytes, its position and its offset map.
///
/// `bytes` is lent for the duration of the visit only and must not escape it (the reader
/// reuses its buffer). A value longer
/// than the reader's piece size is delivered in several pieces with the same `position`;
/// `isFirstPiece`/`isLastPiece` say which; `decodedStart` is the offset of this piece within
/// the whole decoded value and `offsets` covers the whole value so far.
public struct FieldPiece {
    public let bytes: UnsafeRawBufferPointer
    public let position: FieldPosition
    /// The column name for a cell when the file has a header; nil otherwise.
    public let columnName: String?
    public let decodedStart: Int
    public let isFirstPiece: Bool
    public let isLastPiece: Bool
    public let offsets: OffsetMap
    /// True when the value is itself a name: a CSV header cell or a JSON object key. Names are
    /// scanned like values, but do not count as their own keyword.
    public let isName: Bool
    /// Set when the value is an entry of a dictionary (Parquet's dictionary encoding): every
    /// piece with the same entry carries the same bytes and names, so a scanner may scan the
    /// entry once and reuse what it found for every row that uses it.
    public let dictionaryEntry: DictionaryEntry?

    public init(bytes: UnsafeRawBufferPointer, position: FieldPosition, columnName: String?,
                decodedStart: Int, isFirstPiece: Bool, isLastPiece: Bool, offsets: OffsetMap,
                isName: Bool = false, dictionaryEntry: DictionaryEntry? = nil) {
        self.isName = isName
        self.dictionaryEntry = dictionaryEntry
        self.bytes = bytes
        self.position = position
        self.columnName = columnName
        self.decodedStart = decodedStart
        self.isFirstPiece = isFirstPiece
        self.isLastPiece = isLastPiece
        self.offsets = offsets
    }
}
