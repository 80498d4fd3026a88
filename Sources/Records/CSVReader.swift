/// Reads CSV and TSV files (RFC 4180, with the leniency of common CSV parsers) and hands
/// every non-empty cell to a `FieldVisitor`.
///
/// - Quoted fields may hold separators, doubled quotes (`""` is one quote) and line breaks.
/// - Records end with CRLF, LF or a lone CR; a UTF-8 byte order mark at the start is skipped
///   (file offsets still count it).
/// - With `hasHeader`, the cells of row 1 are delivered as names (`isName`), and the cells of
///   later rows carry the header text of their column as `columnName`.
/// - A quote inside an unquoted field is data; text after a closing quote is kept as data and
///   noted as a `.malformed` issue; an unterminated quote at the end delivers what it has.
///
/// Memory is bounded by the read buffer (1 MiB) and `pieceSize`: a longer cell is delivered in
/// several pieces. Reading is O(n) in the size of the file.
public struct CSVReader: Sendable {
    /// The byte between cells: `,` for CSV, a tab for TSV.
    public var separator: UInt8
    /// Whether row 1 holds column names.
    public var hasHeader: Bool
    /// The largest piece handed to the visitor; longer cells come in several pieces.
    public var pieceSize: Int
    /// The size of the read buffer (smaller in tests).
    var bufferSize: Int = 1 << 20

    /// A reader for cells separated by `separator`.
    public init(separator: UInt8 = UInt8(ascii: ","), hasHeader: Bool = true, pieceSize: Int = 1 << 20) {
        self.separator = separator
        self.hasHeader = hasHeader
        self.pieceSize = max(1, pieceSize)
    }

    /// Reads `source` to its end (or until the visitor returns false) and reports what it saw.
    ///
    /// - Throws: the source's `ReadError`; problems in the content are issues in the report.
    public func read<Source: ByteSource, Visitor: FieldVisitor>(
        from source: inout Source, into visitor: inout Visitor
    ) throws(ReadError) -> ReadReport {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 4), alignment: 16)
        defer { buffer.deallocate() }
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        defer { table.deallocate() }
        table.initialize(repeating: 0, count: 256)
        table[Int(UInt8(ascii: "\""))] |= CSVParser.quoteBit
        table[Int(UInt8(ascii: "\r"))] |= CSVParser.crBit
        table[Int(UInt8(ascii: "\n"))] |= CSVParser.lfBit
        table[Int(separator)] |= CSVParser.separatorBit

        var parser = CSVParser(separator: separator, hasHeader: hasHeader, pieceSize: pieceSize,
                               table: UnsafePointer(table))
        // The first read gathers at least 3 bytes (or the whole file) to recognise a BOM.
        var filled = 0
        while filled < 3 {
            let count = try readBytes(from: &source, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        parser.report.bytesRead = filled
        var start = 0
        if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            start = 3
            parser.lineStart = 3
        }
        var offset = filled
        if !parser.process(UnsafeRawBufferPointer(rebasing: buffer[start..<filled]), base: start, visitor: &visitor) {
            parser.report.stopped = true
            return parser.report
        }
        while filled > 0 {
            let count = try readBytes(from: &source, into: buffer)
            if count == 0 { break }
            parser.report.bytesRead += count
            if !parser.process(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), base: offset, visitor: &visitor) {
                parser.report.stopped = true
                return parser.report
            }
            offset += count
        }
        if !parser.finish(visitor: &visitor) {
            parser.report.stopped = true
        }
        return parser.report
    }
}

/// Reads from `source`, keeping the count in `0...buffer.count` whatever the source says.
func readBytes<Source: ByteSource>(from source: inout Source, into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
    guard buffer.count > 0 else { return 0 }
    let count = try source.read(into: buffer)
    return max(0, min(count, buffer.count))
}

/// The push state machine behind `CSVReader`: fed chunk by chunk, in file order.
struct CSVParser {
    static let separatorBit: UInt8 = 1
    static let quoteBit: UInt8 = 2
    static let crBit: UInt8 = 4
    static let lfBit: UInt8 = 8
    static let unquotedStop: UInt8 = separatorBit | crBit | lfBit
    static let quotedStop: UInt8 = quoteBit | crBit | lfBit

    static let quote = UInt8(ascii: "\"")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    /// Header names longer than this are cut (the cells themselves are delivered whole).
    static let maxNameLength = 4096

    enum Mode {
        /// Before the first byte of a field.
        case fieldStart
        /// Inside an unquoted field (or the text after a closing quote).
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: a doubled quote or the closing one.
        case quoteInQuoted
    }

    let separator: UInt8
    let hasHeader: Bool
    let table: UnsafePointer<UInt8>
    var assembler: PieceAssembler
    var mode = Mode.fieldStart
    var row = 1
    var column = 1
    /// A CR ended the last record: an LF right after it belongs to it.
    var skipLF = false
    var line = 1
    var lineStart = 0
    var crEnd = -1
    var quoteLine = 0
    var quoteColumn = 0
    var quoteOffset = 0
    var closingQuoteOffset = 0
    var headerNames: [String?] = []
    var report = ReadReport()

    init(separator: UInt8, hasHeader: Bool, pieceSize: Int, table: UnsafePointer<UInt8>) {
        self.separator = separator
        self.hasHeader = hasHeader
        self.table = table
        self.assembler = PieceAssembler(pieceSize: pieceSize)
    }

    var isHeaderRow: Bool { hasHeader && row == 1 }

    /// Handles one chunk starting at file offset `base`. Returns false if the visitor stopped.
    mutating func process<Visitor: FieldVisitor>(_ chunk: UnsafeRawBufferPointer, base: Int, visitor: inout Visitor) -> Bool {
        let n = chunk.count
        let table = self.table
        var i = 0
        while i < n {
            switch mode {
            case .fieldStart:
                let b = chunk[i]
                if skipLF {
                    skipLF = false
                    if b == Self.lf {
                        newline(b, at: base + i)
                        i += 1
                        continue
                    }
                }
                startField()
                if b == Self.quote {
                    quoteOffset = base + i
                    quoteLine = line
                    quoteColumn = base + i - lineStart + 1
                    mode = .quoted
                    i += 1
                    continue
                }
                let start = i
                while i < n && table[Int(chunk[i])] & Self.unquotedStop == 0 { i += 1 }
                if i == n {
                    mode = .unquoted
                    return assembler.append(UnsafeRawBufferPointer(rebasing: chunk[start..<n]), raw: base + start, to: &visitor)
                }
                if i > start {
                    guard assembler.deliverWhole(UnsafeRawBufferPointer(rebasing: chunk[start..<i]), raw: base + start, to: &visitor)
                    else { return false }
                }
                guard endField(visitor: &visitor) else { return false }
                terminate(chunk[i], at: base + i)
                i += 1

            case .unquoted:
                let start = i
                while i < n && table[Int(chunk[i])] & Self.unquotedStop == 0 { i += 1 }
                if i > start {
                    guard assembler.append(UnsafeRawBufferPointer(rebasing: chunk[start..<i]), raw: base + start, to: &visitor)
                    else { return false }
                }
                if i == n { return true }
                guard endField(visitor: &visitor) else { return false }
                terminate(chunk[i], at: base + i)
                i += 1

            case .quoted:
                let start = i
                while true {
                    while i < n && table[Int(chunk[i])] & Self.quotedStop == 0 { i += 1 }
                    if i == n {
                        return assembler.append(UnsafeRawBufferPointer(rebasing: chunk[start..<n]), raw: base + start, to: &visitor)
                    }
                    let b = chunk[i]
                    if b == Self.quote { break }
                    newline(b, at: base + i)
                    i += 1
                }
                // A closing quote right before a separator or line end: the common case.
                if assembler.isEmpty && i + 1 < n && table[Int(chunk[i + 1])] & Self.unquotedStop != 0
                    && chunk[i + 1] != Self.quote {
                    if i > start {
                        guard assembler.deliverWhole(UnsafeRawBufferPointer(rebasing: chunk[start..<i]), raw: base + start, to: &visitor)
                        else { return false }
                    }
                    guard endField(visitor: &visitor) else { return false }
                    terminate(chunk[i + 1], at: base + i + 1)
                    i += 2
                    continue
                }
                if i > start {
                    guard assembler.append(UnsafeRawBufferPointer(rebasing: chunk[start..<i]), raw: base + start, to: &visitor)
                    else { return false }
                }
                closingQuoteOffset = base + i
                mode = .quoteInQuoted
                i += 1

            case .quoteInQuoted:
                let b = chunk[i]
                if b == Self.quote {
                    // A doubled quote: one quote of data, mapped to the first of the pair.
                    var q = Self.quote
                    let raw = closingQuoteOffset
                    let ok = withUnsafeBytes(of: &q) { assembler.append($0, raw: raw, to: &visitor) }
                    guard ok else { return false }
                    mode = .quoted
                    i += 1
                } else if table[Int(b)] & Self.unquotedStop != 0 {
                    guard endField(visitor: &visitor) else { return false }
                    terminate(b, at: base + i)
                    i += 1
                } else {
                    report.note(ReadIssue(kind: .malformed, line: line, column: base + i - lineStart + 1, offset: base + i,
                                          message: "text after the closing quote of a field (kept as data)"))
                    mode = .unquoted
                }
            }
        }
        return true
    }

    /// Ends the input: delivers the last field and counts the last record.
    mutating func finish<Visitor: FieldVisitor>(visitor: inout Visitor) -> Bool {
        switch mode {
        case .fieldStart:
            // Nothing since the last record end, or an empty last field after a separator.
            if column == 1 { return true }
            startField()
        case .quoted:
            report.note(ReadIssue(kind: .malformed, line: quoteLine, column: quoteColumn, offset: quoteOffset,
                                  message: "unterminated quoted field starting at line \(quoteLine)"))
        case .unquoted, .quoteInQuoted:
            break
        }
        guard endField(visitor: &visitor) else { return false }
        endRecord()
        return true
    }

    private mutating func startField() {
        let header = isHeaderRow
        var name: String? = nil
        if !header && column <= headerNames.count { name = headerNames[column - 1] }
        assembler.begin(FieldContext(position: .cell(row: row, column: column), columnName: name, isName: header),
                        capture: header ? Self.maxNameLength : 0)
    }

    /// Delivers what is left of the field; in the header, keeps its text as the column name.
    private mutating func endField<Visitor: FieldVisitor>(visitor: inout Visitor) -> Bool {
        let ok = assembler.finish(to: &visitor)
        if isHeaderRow {
            while headerNames.count < column - 1 { headerNames.append(nil) }
            if headerNames.count == column - 1 {
                headerNames.append(assembler.captured.isEmpty ? nil : String(decoding: assembler.captured, as: UTF8.self))
            }
        }
        return ok
    }

    /// Handles the separator, CR or LF that ended a field.
    private mutating func terminate(_ b: UInt8, at offset: Int) {
        if b == separator && b != Self.cr && b != Self.lf {
            column += 1
            mode = .fieldStart
            return
        }
        newline(b, at: offset)
        if b == Self.cr { skipLF = true }
        endRecord()
    }

    private mutating func endRecord() {
        if !isHeaderRow { report.records += 1 }
        row += 1
        column = 1
        mode = .fieldStart
    }

    /// Counts a line break (CRLF counts once) for issue positions.
    private mutating func newline(_ b: UInt8, at offset: Int) {
        if b == Self.cr {
            line += 1
            crEnd = offset + 1
        } else if crEnd != offset {
            line += 1
        }
        lineStart = offset + 1
    }
}

// MARK: - Pieces (shared with the JSON readers)

/// What a piece says about where its value is.
struct FieldContext {
    var position: FieldPosition
    var columnName: String?
    var isName: Bool
}

/// Builds one decoded value from segments of the file and hands it to the visitor in pieces of
/// at most `pieceSize` bytes, with an offset map from decoded offsets to file offsets.
///
/// A segment is a run of decoded bytes whose offsets map linearly to the file from `raw`
/// (verbatim text, or the decoding of one escape mapped from its backslash); an anchor is added
/// whenever a segment does not continue the previous one. Only the anchors of the last two
/// pieces are kept, so memory stays bounded by the piece size.
struct PieceAssembler {
    let pieceSize: Int
    var context: FieldContext
    /// Decoded bytes not delivered yet (fewer than `pieceSize` after each append).
    private var pending: [UInt8] = []
    /// Decoded bytes appended since `begin`.
    private(set) var decodedCount = 0
    private var offsets = OffsetMap(rawStart: 0)
    /// The file offset that would continue the last segment.
    private var nextRaw = 0
    private var captureLimit = 0
    /// The first bytes of the value (up to the capture limit), for names.
    private(set) var captured: [UInt8] = []
    /// When set, the value is an object key: its position is the parent path plus its own name,
    /// resolved from the captured bytes when the first piece goes out.
    private var keyPlace: (index: Int, parent: [FieldPath.Element])? = nil
    /// The name of a key, once resolved.
    private(set) var resolvedName: String? = nil

    init(pieceSize: Int) {
        self.pieceSize = max(1, pieceSize)
        self.context = FieldContext(position: .cell(row: 0, column: 0), columnName: nil, isName: false)
        pending.reserveCapacity(min(self.pieceSize, 1 << 16))
    }

    var isEmpty: Bool { decodedCount == 0 }

    /// Starts a new value; `capture` bytes of it are kept in `captured`.
    mutating func begin(_ context: FieldContext, capture: Int = 0) {
        self.context = context
        pending.removeAll(keepingCapacity: true)
        decodedCount = 0
        captureLimit = capture
        if !captured.isEmpty { captured.removeAll(keepingCapacity: true) }
        keyPlace = nil
        resolvedName = nil
    }

    /// Starts an object key at `parent` in record `index`; its name is captured up to `capture` bytes.
    mutating func beginKey(index: Int, parent: [FieldPath.Element], capture: Int) {
        begin(FieldContext(position: .record(index: index, path: FieldPath(parent)), columnName: nil, isName: true),
              capture: capture)
        keyPlace = (index, parent)
    }

    /// Delivers `bytes` as a whole value (nothing appended before). Returns false if the visitor stopped.
    mutating func deliverWhole<Visitor: FieldVisitor>(_ bytes: UnsafeRawBufferPointer, raw: Int, to visitor: inout Visitor) -> Bool {
        guard bytes.count <= pieceSize, decodedCount == 0 else {
            return append(bytes, raw: raw, to: &visitor) && finish(to: &visitor)
        }
        guard !bytes.isEmpty else { return true }
        capture(bytes)
        resolveKey()
        return visitor.visit(FieldPiece(bytes: bytes, position: context.position, columnName: context.columnName,
                                        decodedStart: 0, isFirstPiece: true, isLastPiece: true,
                                        offsets: OffsetMap(rawStart: raw), isName: context.isName))
    }

    /// Appends decoded bytes that map linearly to the file from `raw`; delivers every full piece.
    /// Returns false if the visitor stopped.
    mutating func append<Visitor: FieldVisitor>(_ bytes: UnsafeRawBufferPointer, raw: Int, to visitor: inout Visitor) -> Bool {
        guard !bytes.isEmpty else { return true }
        if decodedCount == 0 {
            offsets = OffsetMap(rawStart: raw)
        } else if raw != nextRaw {
            offsets.add(decoded: decodedCount, raw: raw)
        }
        nextRaw = raw + bytes.count
        capture(bytes)
        var rest = bytes
        while pending.count + rest.count > pieceSize {
            let take = pieceSize - pending.count
            let start = decodedCount - pending.count
            decodedCount += take
            resolveKey()
            let ok: Bool
            if pending.isEmpty {
                ok = deliver(UnsafeRawBufferPointer(rebasing: rest[..<take]), start: start, isLast: false, to: &visitor)
            } else {
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[..<take]))
                ok = pending.withUnsafeBytes { deliver($0, start: start, isLast: false, to: &visitor) }
                pending.removeAll(keepingCapacity: true)
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[take...])
            if offsets.anchorCount > 64 { offsets = offsets.dropping(before: start) }
            guard ok else { return false }
        }
        pending.append(contentsOf: rest)
        decodedCount += rest.count
        return true
    }

    /// Delivers the rest of the value as its last piece (nothing for an empty value).
    /// Returns false if the visitor stopped.
    mutating func finish<Visitor: FieldVisitor>(to visitor: inout Visitor) -> Bool {
        resolveKey()
        guard decodedCount > 0 else { return true }
        let start = decodedCount - pending.count
        let ok = pending.withUnsafeBytes { deliver($0, start: start, isLast: true, to: &visitor) }
        pending.removeAll(keepingCapacity: true)
        decodedCount = 0
        return ok
    }

    private func deliver<Visitor: FieldVisitor>(_ bytes: UnsafeRawBufferPointer, start: Int, isLast: Bool,
                                                to visitor: inout Visitor) -> Bool {
        visitor.visit(FieldPiece(bytes: bytes, position: context.position, columnName: context.columnName,
                                 decodedStart: start, isFirstPiece: start == 0, isLastPiece: isLast,
                                 offsets: offsets, isName: context.isName))
    }

    private mutating func capture(_ bytes: UnsafeRawBufferPointer) {
        let room = captureLimit - captured.count
        if room > 0 { captured.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<min(room, bytes.count)])) }
    }

    /// Fixes a key's name (its first `pieceSize` bytes at most) and its position.
    private mutating func resolveKey() {
        guard let place = keyPlace, resolvedName == nil else { return }
        let name = String(decoding: captured.prefix(pieceSize), as: UTF8.self)
        resolvedName = name
        context.position = .record(index: place.index, path: FieldPath(place.parent + [.name(name)]))
    }
}

extension OffsetMap {
    /// A map that gives the same file offsets for every decoded offset from `start` on, without
    /// the anchors before it. O(anchors).
    func dropping(before start: Int) -> OffsetMap {
        var first = 0
        for (k, anchor) in anchors.enumerated() where anchor.decoded <= start { first = k }
        guard first > 0 else { return self }
        let anchor = anchors[first]
        var map = OffsetMap(rawStart: anchor.raw - anchor.decoded)
        for later in anchors[(first + 1)...] { map.add(decoded: later.decoded, raw: later.raw) }
        return map
    }
}
