/// Reads a Parquet file and hands every non-null leaf value to a `FieldVisitor` as text, with
/// position `.record(index: row, path: $.column)`: nested groups give `$.a.b`, lists `$.a[2]`,
/// maps `$.m[0].key` / `$.m[0].value`.
///
/// The footer is read first (Thrift compact protocol, decoded by `ThriftReader`), then each
/// column chunk of each row group in turn: values are delivered column by column within a row
/// group, so memory stays within one column chunk (its compressed bytes plus one decoded page).
///
/// Supported: physical types BOOLEAN, INT32, INT64, INT96, FLOAT, DOUBLE, BYTE_ARRAY,
/// FIXED_LEN_BYTE_ARRAY (STRING as UTF-8; DECIMAL, DATE, TIMESTAMP, INT96 and UUID as readable
/// text); encodings PLAIN, PLAIN_DICTIONARY, RLE_DICTIONARY, RLE (levels and booleans),
/// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT; data
/// pages v1 and v2; codecs UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW. An encrypted file throws
/// `ReadError(kind: .unsupported)`; an unsupported codec or encoding, or a corrupt page, is a
/// `ReadIssue` naming the column and row group, and the reader goes on with the next column.
public struct ParquetReader {
    /// The largest page (decompressed) the reader accepts.
    public var maxPageSize = 512 << 20

    public init() {}

    /// Reads `source` (the whole Parquet file) into `visitor`.
    ///
    /// - Throws: `ReadError` when the file cannot be read, has no valid footer (`.malformed`)
    ///   or is encrypted (`.unsupported`).
    public func read<Source: RandomAccessByteSource, Visitor: FieldVisitor>(
        from source: Source, into visitor: inout Visitor
    ) throws(ReadError) -> ReadReport {
        var report = ReadReport()
        let size = source.size
        report.bytesRead = size
        guard size >= 12 else { throw ReadError(kind: .malformed, message: "too short for a Parquet file") }
        let tail = try source.bytes(at: size - 8, count: 8)
        let head = try source.bytes(at: 0, count: 4)
        let magic = Array(tail[4...])
        if magic == Array("PARE".utf8) || head == Array("PARE".utf8) {
            throw ReadError(kind: .unsupported, message: "encrypted Parquet file (encrypted footer)")
        }
        guard magic == Array("PAR1".utf8), head == Array("PAR1".utf8), tail.count == 8 else {
            throw ReadError(kind: .malformed, message: "no Parquet magic bytes at the start and end")
        }
        let footerLength = Int(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
        guard footerLength <= size - 12 else {
            throw ReadError(kind: .malformed, message: "footer length \(footerLength) larger than the file")
        }
        let footerOffset = size - 8 - footerLength
        let footer = try source.bytes(at: footerOffset, count: footerLength)
        let metadata: ParquetFileMetaData
        let columns: [ParquetLeafColumn]
        do throws(ParquetError) {
            metadata = try ParquetFileMetaData.read(footer)
            if metadata.isEncrypted { throw ParquetError.unsupported("encrypted Parquet columns") }
            columns = try ParquetSchema.leaves(of: metadata.schema)
        } catch {
            throw ReadError(kind: error.kind == .unsupported ? .unsupported : .malformed,
                            message: "footer at byte \(footerOffset): \(error.message)")
        }
        var state = ColumnState()
        var rowStart = 0
        for (groupIndex, group) in metadata.rowGroups.enumerated() {
            for (columnIndex, chunk) in group.columns.enumerated() {
                guard columnIndex < columns.count else {
                    report.note(ReadIssue(kind: .malformed, offset: footerOffset,
                                          message: "row group \(groupIndex) has more column chunks than the schema has columns"))
                    break
                }
                let column = columns[columnIndex]
                let offset = chunk.metaData.map { $0.dictionaryPageOffset ?? $0.dataPageOffset } ?? 0
                do {
                    let keepGoing = try readChunk(chunk, column: column, rowStart: rowStart, source: source,
                                                  state: &state, visitor: &visitor)
                    if !keepGoing {
                        report.stopped = true
                        report.records = rowStart + group.rowCount
                        return report
                    }
                } catch let error as ParquetError {
                    report.note(ReadIssue(kind: error.kind == .unsupported ? .unsupported : .malformed, offset: offset,
                                          message: "column \(column.dottedName), row group \(groupIndex): \(error.message)"))
                } catch let error as ReadError {
                    throw error
                } catch {
                    report.note(ReadIssue(kind: .malformed, offset: offset,
                                          message: "column \(column.dottedName), row group \(groupIndex): unreadable"))
                }
            }
            rowStart += max(0, group.rowCount)
        }
        report.records = rowStart
        return report
    }

    /// Reusable buffers for one reader run.
    struct ColumnState {
        var repetition: [UInt32] = []
        var definition: [UInt32] = []
        var indices: [UInt32] = []
        var text: [UInt8] = []
        var listIndices: [Int] = []
        /// Counts dictionary pages read, to name each dictionary (`DictionaryEntry`).
        var dictionaries = 0
    }

    /// Reads one column chunk; returns false if the visitor asked to stop.
    private func readChunk<Source: RandomAccessByteSource, Visitor: FieldVisitor>(
        _ chunk: ParquetColumnChunk, column: ParquetLeafColumn, rowStart: Int, source: Source,
        state: inout ColumnState, visitor: inout Visitor
    ) throws -> Bool {
        if chunk.isEncrypted { throw ParquetError.unsupported("encrypted column") }
        if chunk.filePath != nil { throw ParquetError.unsupported("column stored in another file") }
        guard let meta = chunk.metaData else { throw ParquetError.malformed("column chunk without metadata") }
        guard let codec = ParquetCodec(rawValue: meta.codec) else { throw ParquetError.unsupported("unknown codec \(meta.codec)") }
        guard codec.isSupported else { throw ParquetError.unsupported("codec \(codec.name)") }
        var start = meta.dataPageOffset
        if let dictionary = meta.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
        guard start >= 4, meta.totalCompressedSize >= 0, start < source.size,
              meta.totalCompressedSize <= source.size - start else {
            throw ParquetError.malformed("column chunk at byte \(start) lies outside the file")
        }
        let bytes = try source.bytes(at: start, count: meta.totalCompressedSize)
        var pages = ParquetPageWalker(bytes, maxPageSize: maxPageSize, base: start)
        var valuesSeen = 0
        var dictionary: ParquetValues?
        var row = rowStart - 1
        state.listIndices = [Int](repeating: 0, count: column.maxRepetition)
        while valuesSeen < meta.valueCount, let (header, body) = try pages.next() {
            switch ParquetPageType(rawValue: header.type) {
            case .dictionaryPage?:
                dictionary = try ParquetPageWalker.dictionary(header, body: body, codec: codec, column: column)
                state.dictionaries += 1
            case .dataPage?, .dataPageV2?:
                let keepGoing = try readDataPage(header, body: body, codec: codec,
                                                 column: column, dictionary: dictionary, row: &row,
                                                 state: &state, visitor: &visitor)
                valuesSeen += header.valueCount
                if !keepGoing { return false }
            default:
                continue
            }
        }
        return true
    }

    private func readDataPage<Visitor: FieldVisitor>(
        _ header: ParquetPageHeader, body: ArraySlice<UInt8>, codec: ParquetCodec,
        column: ParquetLeafColumn, dictionary: ParquetValues?, row: inout Int,
        state: inout ColumnState, visitor: inout Visitor
    ) throws -> Bool {
        let page = try ParquetPageWalker.decodeDataPage(header, body: body, codec: codec, column: column,
                                                        dictionary: dictionary, repetition: &state.repetition,
                                                        definition: &state.definition, indices: &state.indices)
        let count = page.count
        let table = page.table
        let useDictionary = page.usesDictionary
        // Walk the levels: each entry with repetition 0 starts a row; each with full definition
        // is a value.
        var next = 0
        let full = UInt32(column.maxDefinition)
        for i in 0..<count {
            if column.maxRepetition > 0 {
                let r = Int(state.repetition[i])
                guard r <= column.maxRepetition else { throw ParquetError.malformed("repetition level \(r) too high") }
                if r == 0 {
                    row += 1
                    for k in state.listIndices.indices { state.listIndices[k] = 0 }
                } else {
                    state.listIndices[r - 1] += 1
                    for k in r..<state.listIndices.count { state.listIndices[k] = 0 }
                }
            } else {
                row += 1
            }
            if column.maxDefinition > 0 {
                let d = state.definition[i]
                guard d <= full else { throw ParquetError.malformed("definition level \(d) too high") }
                if d < full { continue }
            }
            let valueIndex = useDictionary ? Int(state.indices[next]) : next
            // A dictionary entry is scanned once per column chunk; the scanner reuses its findings.
            let entry = useDictionary ? DictionaryEntry(dictionary: state.dictionaries, entry: valueIndex) : nil
            next += 1
            let path = column.maxRepetition == 0 ? column.flatPath : column.path(listIndices: state.listIndices)
            state.text.removeAll(keepingCapacity: true)
            let keepGoing: Bool
            if case .raw = column.rendering {
                keepGoing = table.withValue(valueIndex) { bytes in
                    visitor.visit(FieldPiece(bytes: bytes, position: .record(index: row, path: path), columnName: nil,
                                             decodedStart: 0, isFirstPiece: true, isLastPiece: true,
                                             offsets: OffsetMap(rawStart: 0), dictionaryEntry: entry))
                }
            } else {
                table.withValue(valueIndex) { column.rendering.render($0, into: &state.text) }
                keepGoing = state.text.withUnsafeBytes { bytes in
                    visitor.visit(FieldPiece(bytes: bytes, position: .record(index: row, path: path), columnName: nil,
                                             decodedStart: 0, isFirstPiece: true, isLastPiece: true,
                                             offsets: OffsetMap(rawStart: 0), dictionaryEntry: entry))
                }
            }
            if !keepGoing { return false }
        }
        return true
    }
}

/// The bits needed to store levels up to `max`.
func bitWidth(_ max: Int) -> Int {
    max <= 0 ? 0 : Int.bitWidth - max.leadingZeroBitCount
}

/// A leaf column of the schema with what reading it needs.
struct ParquetLeafColumn {
    var type: ParquetPhysicalType
    var typeLength: Int
    var rendering: ParquetRendering
    var maxDefinition: Int
    var maxRepetition: Int
    /// The path steps; `.index(k)` stands for the index in the k-th repeated ancestor.
    var steps: [FieldPath.Element]
    /// The path when the column is not repeated.
    var flatPath: FieldPath
    /// Schema names joined with dots, for messages.
    var dottedName: String

    func path(listIndices: [Int]) -> FieldPath {
        FieldPath(steps.map { step in
            if case .index(let k) = step, k < listIndices.count { return .index(listIndices[k]) }
            return step
        })
    }
}

/// Turns Parquet's flattened schema (depth-first, with child counts) into leaf columns.
enum ParquetSchema {
    static let maxDepth = 64

    static func leaves(of elements: [ParquetSchemaElement]) throws(ParquetError) -> [ParquetLeafColumn] {
        guard let root = elements.first else { throw .malformed("empty schema") }
        var next = 1
        var leaves: [ParquetLeafColumn] = []
        try children(count: root.childCount, elements: elements, next: &next, parent: nil, steps: [], names: [],
                     definition: 0, repetition: 0, depth: 1, into: &leaves)
        return leaves
    }

    private static func children(count: Int, elements: [ParquetSchemaElement], next: inout Int,
                                 parent: ParquetSchemaElement?, steps: [FieldPath.Element], names: [String],
                                 definition: Int, repetition: Int, depth: Int, skipName: Bool = false,
                                 into leaves: inout [ParquetLeafColumn]) throws(ParquetError) {
        guard depth <= maxDepth else { throw .malformed("schema nested too deeply") }
        guard count >= 0, count <= elements.count - next else { throw .malformed("schema child count out of range") }
        let parentLogical = parent?.logical
        let parentIsCollection = parentLogical == .list || parentLogical == .map || parentLogical == .mapKeyValue
        for _ in 0..<count {
            // A group before this sibling may have taken more elements than the count allowed.
            guard next < elements.count else { throw .malformed("schema child count out of range") }
            let element = elements[next]
            next += 1
            var steps = steps
            var definition = definition
            var repetition = repetition
            var childSkipsName = false
            switch element.repetition {
            case .required: break
            case .optional: definition += 1
            case .repeated: definition += 1; repetition += 1
            }
            if element.repetition == .repeated {
                // `a (LIST) { repeated group list { element } }` reads as `$.a[i]`, and a map's
                // `key_value` group as `$.m[i].key`; a bare repeated field as `$.a[i]`.
                if parentIsCollection && element.childCount > 0 {
                    childSkipsName = parentLogical == .list && element.childCount == 1
                } else {
                    steps.append(.name(element.name))
                }
                steps.append(.index(repetition - 1))
            } else if !skipName {
                steps.append(.name(element.name))
            }
            let names = names + [element.name]
            if element.childCount > 0 || element.type == nil {
                try children(count: element.childCount, elements: elements, next: &next, parent: element, steps: steps,
                             names: names, definition: definition, repetition: repetition, depth: depth + 1,
                             skipName: childSkipsName, into: &leaves)
            } else if let type = element.type {
                leaves.append(ParquetLeafColumn(
                    type: type, typeLength: element.typeLength,
                    rendering: ParquetRendering(type: type, logical: element.logical),
                    maxDefinition: definition, maxRepetition: repetition, steps: steps,
                    flatPath: FieldPath(steps),
                    dottedName: names.joined(separator: ".")))
            }
        }
    }
}
