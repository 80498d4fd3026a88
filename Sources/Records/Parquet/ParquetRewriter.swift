/// What to do with one Parquet value (see `ParquetCellEditor`).
public enum ParquetCellEdit: Sendable, Hashable {
    /// Leave the value as it is.
    case keep
    /// Store this text instead, converted back to the column's type the way the reader renders
    /// it (a DATE column takes `YYYY-MM-DD`, an INT64 column decimal digits, a UUID column the
    /// dashed hex form, a STRING column any bytes).
    case replace([UInt8])
    /// Store a null (the column must be OPTIONAL).
    case null
}

/// Decides, value by value, what a `ParquetRewriter` writes.
public protocol ParquetCellEditor {
    /// Called for every non-null value of every leaf column, except values of removed columns
    /// and removed rows, with the value rendered exactly as `ParquetReader` renders it for
    /// scanning: the same bytes, the same position `.record(index: row, path:)` (row counted
    /// file-wide from 0 in the source file) and the same `columnName` (nil, as the reader's
    /// `FieldPiece`), column chunk by column chunk in file order.
    ///
    /// `value` is lent for the duration of the call only and must not escape it.
    mutating func edit(_ value: UnsafeRawBufferPointer, position: FieldPosition, columnName: String?) -> ParquetCellEdit
}

/// Rows and columns a `ParquetRewriter` leaves out.
public struct ParquetRewriteOptions: Sendable {
    /// Names of top-level fields to drop, with all their nested columns, from the schema and
    /// the data. A name the schema does not have is noted in the report's issues.
    public var removedColumns: Set<String>
    /// Row indices (file-wide, from 0) to drop from every column. Need not be sorted; indices
    /// past the last row are noted in the report's issues.
    public var removedRows: [Int]
    /// The uncompressed size a rewritten data page aims at (pages end on a row boundary).
    public var pageSize: Int

    public init(removedColumns: Set<String> = [], removedRows: [Int] = [], pageSize: Int = 1 << 20) {
        self.removedColumns = removedColumns
        self.removedRows = removedRows
        self.pageSize = pageSize
    }
}

/// What a rewrite did. Messages name places and counts, never values.
public struct ParquetRewriteReport: Sendable {
    /// Rows in the source file and in the output.
    public var rowsIn = 0
    public var rowsOut = 0
    /// Values the editor replaced or nulled.
    public var valuesReplaced = 0
    public var valuesNulled = 0
    /// Column chunks re-encoded (edited values or removed rows) and column chunks copied byte
    /// for byte.
    public var columnChunksRewritten = 0
    public var columnChunksCopied = 0
    /// Bytes written to the sink.
    public var bytesWritten = 0
    /// Things worth knowing that did not stop the rewrite (metadata dropped, unknown names).
    public var issues: [String] = []
    /// Names in `removedColumns` the file has no top-level column for (a policy written for
    /// many files names columns some of them lack).
    public var absentRemovedColumns: [String] = []

    public init() {}
}

/// Why a Parquet file could not be rewritten: names the row group, column and row where it can,
/// never a value.
public struct ParquetRewriteError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Reading the source failed.
        case read
        /// Writing the output failed.
        case write
        /// The source is not a valid Parquet file.
        case malformed
        /// The source uses something the rewriter cannot read or write (encryption, a codec).
        case unsupported
        /// A replacement cannot be stored in the column's type (text in an INT64 column).
        case unrepresentable
        /// A null asked for in a column that cannot hold one (REQUIRED or REPEATED).
        case nullInRequiredColumn
    }

    public var kind: Kind
    /// The row group (from 0), when the problem is inside one.
    public var rowGroup: Int?
    /// The column's dotted schema name.
    public var column: String?
    /// The row (file-wide, from 0, in the source).
    public var row: Int?
    public var message: String

    public init(kind: Kind, rowGroup: Int? = nil, column: String? = nil, row: Int? = nil, message: String) {
        self.kind = kind
        self.rowGroup = rowGroup
        self.column = column
        self.row = row
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let rowGroup { place.append("row group \(rowGroup)") }
        if let column { place.append("column \(column)") }
        if let row { place.append("row \(row)") }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }

    init(_ error: ParquetError, rowGroup: Int? = nil, column: String? = nil, row: Int? = nil) {
        self.init(kind: error.kind == .unsupported ? .unsupported : .malformed, rowGroup: rowGroup, column: column,
                  row: row, message: error.message)
    }

    init(_ error: ReadError) {
        self.init(kind: error.kind == .unsupported ? .unsupported : error.kind == .malformed ? .malformed : .read,
                  message: error.description)
    }

    init(_ error: WriteError) {
        self.init(kind: .write, message: error.description)
    }
}

/// Writes a copy of a Parquet file with values replaced or nulled, rows and top-level columns
/// removed, and the same schema otherwise, for `piiscan mask`.
///
/// Every column chunk is decoded (as `ParquetReader` reads it) and each value offered to a
/// `ParquetCellEditor`. A chunk with no edit, in a row group that loses no row, is copied byte
/// for byte (its page index and bloom filter too, with offsets moved). Any other chunk is
/// re-encoded: PLAIN values, the same repetition and definition levels (RLE), data pages v1,
/// compressed with the chunk's codec (UNCOMPRESSED when that codec cannot be written). A
/// re-encoded chunk loses its statistics, size statistics, page index and bloom filter, which
/// would otherwise keep traces of the original values (a minimum, a maximum, hashed values).
///
/// The footer is rewritten from a generic Thrift tree, so fields the reader does not model
/// (key-value metadata, column orders, field ids, newer additions) are kept. When columns are
/// removed, the `ARROW:schema` key-value entry (Arrow's own copy of the schema, which would no
/// longer match) is dropped, and so are sorting columns that name an edited column.
///
/// Memory: the footer plus one column chunk (its compressed bytes and its decoded values).
/// Encrypted files, codecs the reader cannot decompress (BROTLI, LZO, LZ4 with Hadoop framing)
/// and unknown encodings throw `ParquetRewriteError`: such a file cannot be masked.
public struct ParquetRewriter {
    /// The largest page (decompressed) the rewriter accepts, as `ParquetReader.maxPageSize`.
    public var maxPageSize = 512 << 20

    public init() {}

    /// Reads `source` (a whole Parquet file) and writes the rewritten file to `sink`.
    ///
    /// The sink is not flushed; on an error, what was written is incomplete and should be
    /// discarded (write to a temporary file and rename it into place).
    /// - Complexity: O(file size), one pass over the column chunks.
    public func rewrite<Source: RandomAccessByteSource, Sink: ByteSink, Editor: ParquetCellEditor>(
        _ source: Source, to sink: inout Sink, editor: inout Editor, options: ParquetRewriteOptions = .init()
    ) throws(ParquetRewriteError) -> ParquetRewriteReport {
        var report = ParquetRewriteReport()
        let (footerOffset, footer) = try readFooter(source)
        let metadata: ParquetFileMetaData
        var tree: ThriftStruct
        let columns: [ParquetLeafColumn]
        let plan: ParquetSchemaPlan
        do throws(ParquetError) {
            metadata = try ParquetFileMetaData.read(footer)
            if metadata.isEncrypted { throw ParquetError.unsupported("encrypted Parquet columns") }
            tree = try ThriftStruct.read(footer)
            columns = try ParquetSchema.leaves(of: metadata.schema)
            plan = try ParquetSchemaPlan(metadata: metadata, tree: tree, leafCount: columns.count,
                                         removing: options.removedColumns)
        } catch {
            throw ParquetRewriteError(kind: error.kind == .unsupported ? .unsupported : .malformed,
                                      message: "footer at byte \(footerOffset): \(error.message)")
        }
        report.absentRemovedColumns = plan.unknownRemovedNames.sorted()
        guard let treeGroups = tree[4]?.elements, treeGroups.count == metadata.rowGroups.count else {
            throw ParquetRewriteError(kind: .malformed, message: "footer at byte \(footerOffset): row groups unreadable")
        }

        var removedRows = options.removedRows.filter { $0 >= 0 }
        removedRows.sort()
        var writer = OutputWriter()
        try writer.write(Array("PAR1".utf8), to: &sink)

        var state = ChunkState()
        var newGroups: [ThriftStruct] = []
        var copiedIndexes: [CopiedChunkIndexes] = []
        var rowStart = 0
        var removedCursor = 0
        for (groupIndex, group) in metadata.rowGroups.enumerated() {
            let rowCount = max(0, group.rowCount)
            defer { rowStart += rowCount }
            report.rowsIn += rowCount
            guard var groupTree = treeGroups[groupIndex].structure,
                  let chunkTrees = groupTree[1]?.elements, chunkTrees.count == group.columns.count else {
                throw ParquetRewriteError(kind: .malformed, rowGroup: groupIndex, message: "row group metadata unreadable")
            }
            guard group.columns.count == columns.count else {
                throw ParquetRewriteError(kind: .malformed, rowGroup: groupIndex,
                                          message: "\(group.columns.count) column chunks for \(columns.count) schema columns")
            }
            // The removed rows of this group.
            var removed = Set<Int>()
            while removedCursor < removedRows.count && removedRows[removedCursor] < rowStart + rowCount {
                if removedRows[removedCursor] >= rowStart { removed.insert(removedRows[removedCursor]) }
                removedCursor += 1
            }
            let rowsKept = rowCount - removed.count
            guard rowsKept > 0 else { continue }

            var newChunks: [ThriftStruct] = []
            var groupUncompressed = 0
            var groupCompressed = 0
            var groupStart: Int?
            var editedColumns = Set<Int>()
            for (columnIndex, chunk) in group.columns.enumerated() where plan.keepsLeaf[columnIndex] {
                let column = columns[columnIndex]
                guard var chunkTree = chunkTrees[columnIndex].structure else {
                    throw ParquetRewriteError(kind: .malformed, rowGroup: groupIndex, column: column.dottedName,
                                              message: "column chunk metadata unreadable")
                }
                let context = ChunkContext(column: column, leaf: plan.leaves[columnIndex], rowGroup: groupIndex,
                                           rowStart: rowStart, rowCount: rowCount, removed: removed,
                                           maxPageSize: maxPageSize)
                let (raw, chunkStart) = try readChunk(chunk, context: context, source: source)
                try decodeChunk(raw, at: chunkStart, chunk: chunk, context: context, state: &state, editor: &editor)
                report.valuesReplaced += state.replaced
                report.valuesNulled += state.nulled
                let newStart = writer.offset
                groupStart = groupStart ?? newStart
                if state.isEdited { editedColumns.insert(columnIndex) }
                if !state.isEdited && removed.isEmpty {
                    try writer.write(raw, to: &sink)
                    let delta = newStart - chunkStart
                    let original = chunkTree
                    groupUncompressed += try moveCopiedChunk(&chunkTree, by: delta, context: context)
                    groupCompressed += raw.count
                    copiedIndexes.append(CopiedChunkIndexes(group: newGroups.count, column: newChunks.count,
                                                            delta: delta, chunk: original))
                    report.columnChunksCopied += 1
                } else {
                    let sizes = try writeRewrittenChunk(&chunkTree, state: state, context: context, codec: chunk.metaData?.codec,
                                                        pageSize: options.pageSize, writer: &writer, sink: &sink)
                    groupUncompressed += sizes.uncompressed
                    groupCompressed += sizes.compressed
                    report.columnChunksRewritten += 1
                }
                newChunks.append(chunkTree)
            }
            groupTree[1] = .structList(newChunks)
            groupTree[2] = .i64(Int64(groupUncompressed))
            groupTree[3] = .i64(Int64(rowsKept))
            if groupTree[5] != nil, let groupStart { groupTree[5] = .i64(Int64(groupStart)) }
            if groupTree[6] != nil { groupTree[6] = .i64(Int64(groupCompressed)) }
            if groupTree[7] != nil { groupTree[7] = .i16(Int16(truncatingIfNeeded: newGroups.count)) }
            if let sorting = groupTree[4] {
                groupTree[4] = plan.sortingColumns(sorting, edited: editedColumns)
            }
            newGroups.append(groupTree)
            report.rowsOut += rowsKept
        }
        state = ChunkState()
        let past = removedRows.drop { $0 < rowStart }.count
        if past > 0 { report.issues.append("\(past) removed rows are past the last row (\(rowStart) rows)") }

        try writeCopiedIndexes(copiedIndexes, into: &newGroups, source: source, writer: &writer, sink: &sink,
                               report: &report)

        tree[2] = plan.schema
        tree[3] = .i64(Int64(report.rowsOut))
        tree[4] = .structList(newGroups)
        if let orders = tree[7]?.elements {
            if orders.count == plan.keepsLeaf.count {
                tree[7] = .list(elementType: 12, elements: zip(orders, plan.keepsLeaf).filter { $0.1 }.map { $0.0 }, isSet: false)
            } else {
                tree[7] = nil
                report.issues.append("column orders dropped: their count does not match the schema")
            }
        }
        if plan.removesColumns, let entries = tree[5]?.elements {
            let kept = entries.filter { $0.structure?[1]?.bytes != Array("ARROW:schema".utf8) }
            if kept.count != entries.count {
                report.issues.append("ARROW:schema metadata dropped: columns were removed")
                tree[5] = kept.isEmpty ? nil : .list(elementType: 12, elements: kept, isSet: false)
            }
        }
        let encoded = tree.encoded
        guard encoded.count <= Int(UInt32.max) else {
            throw ParquetRewriteError(kind: .unsupported, message: "footer larger than 4 GiB")
        }
        try writer.write(encoded, to: &sink)
        let n = UInt32(encoded.count)
        try writer.write([UInt8(truncatingIfNeeded: n), UInt8(truncatingIfNeeded: n >> 8),
                          UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 24)] + Array("PAR1".utf8),
                         to: &sink)
        report.bytesWritten = writer.offset
        return report
    }

    /// The footer's offset and bytes, after the checks `ParquetReader` makes.
    private func readFooter<Source: RandomAccessByteSource>(_ source: Source) throws(ParquetRewriteError) -> (Int, [UInt8]) {
        do throws(ReadError) {
            let size = source.size
            guard size >= 12 else { throw ReadError(kind: .malformed, message: "too short for a Parquet file") }
            let tail = try source.bytes(at: size - 8, count: 8)
            let head = try source.bytes(at: 0, count: 4)
            guard tail.count == 8 else { throw ReadError(kind: .malformed, message: "file shorter than its size") }
            let magic = Array(tail[4...])
            if magic == Array("PARE".utf8) || head == Array("PARE".utf8) {
                throw ReadError(kind: .unsupported, message: "encrypted Parquet file (encrypted footer)")
            }
            guard magic == Array("PAR1".utf8), head == Array("PAR1".utf8) else {
                throw ReadError(kind: .malformed, message: "no Parquet magic bytes at the start and end")
            }
            let footerLength = Int(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
            guard footerLength <= size - 12 else {
                throw ReadError(kind: .malformed, message: "footer length \(footerLength) larger than the file")
            }
            let footerOffset = size - 8 - footerLength
            let footer = try source.bytes(at: footerOffset, count: footerLength)
            guard footer.count == footerLength else { throw ReadError(kind: .malformed, message: "footer cut short") }
            return (footerOffset, footer)
        } catch {
            throw ParquetRewriteError(error)
        }
    }
}

/// Writes to a sink and counts the bytes, for the offsets the footer records.
struct OutputWriter {
    private(set) var offset = 0

    mutating func write<Sink: ByteSink>(_ bytes: [UInt8], to sink: inout Sink) throws(ParquetRewriteError) {
        do throws(WriteError) {
            try sink.write(bytes)
        } catch {
            throw ParquetRewriteError(error)
        }
        offset += bytes.count
    }
}
