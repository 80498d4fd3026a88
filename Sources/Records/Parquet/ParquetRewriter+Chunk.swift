/// Where a column chunk sits, and what rewriting it needs.
struct ChunkContext {
    var column: ParquetLeafColumn
    var leaf: ParquetRewriteLeaf
    var rowGroup: Int
    /// The group's first row, file-wide.
    var rowStart: Int
    var rowCount: Int
    /// File-wide indices of this group's removed rows.
    var removed: Set<Int>
    var maxPageSize: Int

    func error(_ error: ParquetError, row: Int? = nil) -> ParquetRewriteError {
        ParquetRewriteError(error, rowGroup: rowGroup, column: column.dottedName, row: row)
    }

    func error(_ kind: ParquetRewriteError.Kind, _ message: String, row: Int? = nil) -> ParquetRewriteError {
        ParquetRewriteError(kind: kind, rowGroup: rowGroup, column: column.dottedName, row: row, message: message)
    }
}

/// One column chunk after decoding and editing: the levels and physical values to write
/// (removed rows left out, edits applied), plus reusable buffers.
struct ChunkState {
    var repetition: [UInt32] = []
    var definition: [UInt32] = []
    var values = ParquetValueStore()
    var entries = 0
    var isEdited = false
    var replaced = 0
    var nulled = 0
    // Per-page buffers.
    var pageRepetition: [UInt32] = []
    var pageDefinition: [UInt32] = []
    var indices: [UInt32] = []
    var text: [UInt8] = []
    var listIndices: [Int] = []

    mutating func reset() {
        repetition.removeAll(keepingCapacity: true)
        definition.removeAll(keepingCapacity: true)
        values.removeAll()
        entries = 0
        isEdited = false
        replaced = 0
        nulled = 0
    }
}

/// A copied chunk whose page index and bloom filter are copied after all row groups.
struct CopiedChunkIndexes {
    var group: Int
    var column: Int
    var delta: Int
    /// The chunk's metadata as in the source (the index and filter locations to copy from).
    var chunk: ThriftStruct
}

extension ParquetRewriter {
    /// The chunk's bytes (all its pages) and their offset in the source.
    func readChunk<Source: RandomAccessByteSource>(
        _ chunk: ParquetColumnChunk, context: ChunkContext, source: Source
    ) throws(ParquetRewriteError) -> ([UInt8], Int) {
        if chunk.isEncrypted { throw context.error(.unsupported("encrypted column")) }
        if chunk.filePath != nil { throw context.error(.unsupported("column stored in another file")) }
        guard let meta = chunk.metaData else { throw context.error(.malformed("column chunk without metadata")) }
        guard let codec = ParquetCodec(rawValue: meta.codec) else { throw context.error(.unsupported("unknown codec \(meta.codec)")) }
        guard codec.isSupported else { throw context.error(.unsupported("codec \(codec.name)")) }
        var start = meta.dataPageOffset
        if let dictionary = meta.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
        guard start >= 4, meta.totalCompressedSize >= 0, start < source.size,
              meta.totalCompressedSize <= source.size - start else {
            throw context.error(.malformed("column chunk at byte \(start) lies outside the file"))
        }
        let bytes: [UInt8]
        do throws(ReadError) {
            bytes = try source.bytes(at: start, count: meta.totalCompressedSize)
        } catch {
            var e = ParquetRewriteError(error)
            e.rowGroup = context.rowGroup
            e.column = context.column.dottedName
            throw e
        }
        guard bytes.count == meta.totalCompressedSize else { throw context.error(.malformed("column chunk cut short")) }
        return (bytes, start)
    }

    /// Decodes every page of the chunk as `ParquetReader` does, offers each value to the
    /// editor, and leaves in `state` the levels and values to write.
    func decodeChunk<Editor: ParquetCellEditor>(
        _ bytes: [UInt8], at chunkStart: Int, chunk: ParquetColumnChunk, context: ChunkContext, state: inout ChunkState,
        editor: inout Editor
    ) throws(ParquetRewriteError) {
        state.reset()
        let column = context.column
        var row = context.rowStart - 1
        do {
            guard let meta = chunk.metaData, let codec = ParquetCodec(rawValue: meta.codec) else {
                throw ParquetError.malformed("column chunk without metadata")
            }
            var pages = ParquetPageWalker(bytes, maxPageSize: maxPageSize, base: chunkStart)
            var valuesSeen = 0
            var dictionary: ParquetValues?
            state.listIndices = [Int](repeating: 0, count: column.maxRepetition)
            while valuesSeen < meta.valueCount, let (header, body) = try pages.next() {
                switch ParquetPageType(rawValue: header.type) {
                case .dictionaryPage?:
                    dictionary = try ParquetPageWalker.dictionary(header, body: body, codec: codec, column: column)
                case .dataPage?, .dataPageV2?:
                    try decodeDataPage(header, body: body, codec: codec, context: context, dictionary: dictionary,
                                       row: &row, state: &state, editor: &editor)
                    valuesSeen += header.valueCount
                default:
                    continue
                }
            }
        } catch let error as ParquetError {
            throw context.error(error, row: row >= context.rowStart ? row : nil)
        } catch let error as UnrepresentableValue {
            throw context.error(.unrepresentable, "replacement not representable: \(error.reason)", row: error.row)
        } catch let error as NullInRequiredColumn {
            throw context.error(.nullInRequiredColumn, "a null in a column that is not OPTIONAL", row: error.row)
        } catch {
            throw context.error(.malformed, "unreadable", row: row >= context.rowStart ? row : nil)
        }
        let rows = row - context.rowStart + 1
        guard rows == context.rowCount else {
            throw context.error(.malformed, "column chunk holds \(rows) rows, its row group \(context.rowCount)")
        }
    }

    private func decodeDataPage<Editor: ParquetCellEditor>(
        _ header: ParquetPageHeader, body: ArraySlice<UInt8>, codec: ParquetCodec, context: ChunkContext,
        dictionary: ParquetValues?, row: inout Int, state: inout ChunkState, editor: inout Editor
    ) throws {
        let column = context.column
        let page = try ParquetPageWalker.decodeDataPage(header, body: body, codec: codec, column: column,
                                                        dictionary: dictionary, repetition: &state.pageRepetition,
                                                        definition: &state.pageDefinition, indices: &state.indices)
        let count = page.count
        let table = page.table
        let useDictionary = page.usesDictionary
        let full = UInt32(column.maxDefinition)
        let checksRemoved = !context.removed.isEmpty
        var next = 0
        for i in 0..<count {
            var repetition: UInt32 = 0
            if column.maxRepetition > 0 {
                repetition = state.pageRepetition[i]
                let r = Int(repetition)
                guard r <= column.maxRepetition else { throw ParquetError.malformed("repetition level \(r) too high") }
                if r == 0 {
                    row += 1
                    for k in state.listIndices.indices { state.listIndices[k] = 0 }
                } else {
                    guard row >= context.rowStart else { throw ParquetError.malformed("the first value continues a row") }
                    state.listIndices[r - 1] += 1
                    for k in r..<state.listIndices.count { state.listIndices[k] = 0 }
                }
            } else {
                row += 1
            }
            var definition = full
            if column.maxDefinition > 0 {
                definition = state.pageDefinition[i]
                guard definition <= full else { throw ParquetError.malformed("definition level \(definition) too high") }
            }
            let isValue = definition == full
            let valueIndex = isValue ? (useDictionary ? Int(state.indices[next]) : next) : 0
            if isValue { next += 1 }
            if checksRemoved && context.removed.contains(row) { continue }
            if isValue {
                let position = FieldPosition.record(
                    index: row, path: column.maxRepetition == 0 ? column.flatPath : column.path(listIndices: state.listIndices))
                let edit: ParquetCellEdit
                if case .raw = column.rendering {
                    edit = table.withValue(valueIndex) { editor.edit($0, position: position, columnName: nil) }
                } else {
                    state.text.removeAll(keepingCapacity: true)
                    table.withValue(valueIndex) { column.rendering.render($0, into: &state.text) }
                    edit = state.text.withUnsafeBytes { editor.edit($0, position: position, columnName: nil) }
                }
                switch edit {
                case .keep:
                    table.withValue(valueIndex) { state.values.append($0) }
                case .replace(let text):
                    switch context.leaf.parser.physical(text) {
                    case .success(let bytes): state.values.append(bytes)
                    case .failure(let failure): throw UnrepresentableValue(row: row, reason: failure.reason)
                    }
                    state.replaced += 1
                    state.isEdited = true
                case .null:
                    guard context.leaf.repetition == .optional, definition > 0 else { throw NullInRequiredColumn(row: row) }
                    definition -= 1
                    state.nulled += 1
                    state.isEdited = true
                }
            }
            if column.maxRepetition > 0 { state.repetition.append(repetition) }
            if column.maxDefinition > 0 { state.definition.append(definition) }
            state.entries += 1
        }
    }

    /// Moves a copied chunk's offsets by `delta`; returns its uncompressed size. Its page index
    /// and bloom filter offsets are cleared here and set again when they are copied.
    func moveCopiedChunk(_ chunk: inout ThriftStruct, by delta: Int, context: ChunkContext) throws(ParquetRewriteError) -> Int {
        guard var meta = chunk[3]?.structure else { throw context.error(.malformed("column chunk without metadata")) }
        for id: Int16 in [9, 10, 11] {
            if let offset = meta[id]?.int, offset > 0 { meta[id] = .i64(Int64(offset + delta)) }
        }
        if let offset = chunk[2]?.int, offset > 0 { chunk[2] = .i64(Int64(offset + delta)) }
        let uncompressed = meta[6]?.int ?? 0
        meta.remove(14, 15)
        chunk[3] = .structure(meta)
        chunk.remove(4, 5, 6, 7)
        return uncompressed
    }

    /// Writes the chunk in `state` as PLAIN data pages v1 and updates its metadata: sizes,
    /// offsets, codec, encodings; statistics, page index and bloom filter removed.
    func writeRewrittenChunk<Sink: ByteSink>(
        _ chunk: inout ThriftStruct, state: ChunkState, context: ChunkContext, codec rawCodec: Int32?, pageSize: Int,
        writer: inout OutputWriter, sink: inout Sink
    ) throws(ParquetRewriteError) -> (uncompressed: Int, compressed: Int) {
        guard var meta = chunk[3]?.structure else { throw context.error(.malformed("column chunk without metadata")) }
        let column = context.column
        var codec = ParquetCodec(rawValue: rawCodec ?? 0) ?? .uncompressed
        if !codec.canCompress { codec = .uncompressed }
        let start = writer.offset
        var uncompressedTotal = 0
        var compressedTotal = 0
        let full = UInt32(column.maxDefinition)
        let targetSize = max(1, pageSize)
        let maxEntries = 1 << 20
        var entry = 0
        var value = 0
        repeat {
            // One page: whole rows, until about `pageSize` bytes of values.
            let firstEntry = entry, firstValue = value
            var bytes = 0
            while entry < state.entries {
                if entry > firstEntry && (column.maxRepetition == 0 || state.repetition[entry] == 0)
                    && (bytes >= targetSize || entry - firstEntry >= maxEntries) { break }
                if column.maxDefinition == 0 || state.definition[entry] == full {
                    let r = state.values.range(value)
                    bytes += r.count + (column.type == .byteArray ? 4 : 0)
                    value += 1
                }
                entry += 1
            }
            var plain: [UInt8] = []
            plain.reserveCapacity(bytes)
            encodePlain(state.values, range: firstValue..<value, type: column.type, into: &plain)
            let page: ParquetEncodedPage
            do throws(ParquetError) {
                page = try encodeDataPageV1(
                    repetition: column.maxRepetition > 0 ? state.repetition[firstEntry..<entry] : [],
                    maxRepetition: column.maxRepetition,
                    definition: column.maxDefinition > 0 ? state.definition[firstEntry..<entry] : [],
                    maxDefinition: column.maxDefinition,
                    entryCount: entry - firstEntry, plainValues: plain, codec: codec)
            } catch {
                throw context.error(error)
            }
            try writer.write(page.header, to: &sink)
            try writer.write(page.body, to: &sink)
            uncompressedTotal += page.header.count + page.uncompressedSize
            compressedTotal += page.header.count + page.body.count
        } while entry < state.entries

        var encodings: [ThriftValue] = [.i32(ParquetEncoding.plain.rawValue)]
        if column.maxRepetition > 0 || column.maxDefinition > 0 { encodings.append(.i32(ParquetEncoding.rle.rawValue)) }
        meta[2] = .list(elementType: 5, elements: encodings, isSet: false)
        meta[4] = .i32(codec.rawValue)
        meta[5] = .i64(Int64(state.entries))
        meta[6] = .i64(Int64(uncompressedTotal))
        meta[7] = .i64(Int64(compressedTotal))
        meta[9] = .i64(Int64(start))
        // Index page, dictionary page, statistics, encoding stats, bloom filter, size and
        // geospatial statistics: gone or describing the original values.
        meta.remove(10, 11, 12, 13, 14, 15, 16, 17)
        chunk[3] = .structure(meta)
        if chunk[2] != nil { chunk[2] = .i64(Int64(start)) }
        chunk.remove(4, 5, 6, 7)
        return (uncompressedTotal, compressedTotal)
    }

    /// Copies the column indexes, then the offset indexes (page offsets moved), then the bloom
    /// filters of copied chunks after the row groups, and points their metadata at the copies.
    /// An index that cannot be read is left out and noted.
    func writeCopiedIndexes<Source: RandomAccessByteSource, Sink: ByteSink>(
        _ copied: [CopiedChunkIndexes], into groups: inout [ThriftStruct], source: Source,
        writer: inout OutputWriter, sink: inout Sink, report: inout ParquetRewriteReport
    ) throws(ParquetRewriteError) {
        func sourceBytes(_ offset: Int?, _ length: Int?) -> [UInt8]? {
            guard let offset, let length, offset >= 0, length > 0, offset < source.size, length <= source.size - offset,
                  let bytes = try? source.bytes(at: offset, count: length), bytes.count == length else { return nil }
            return bytes
        }
        func update(_ item: CopiedChunkIndexes, _ body: (inout ThriftStruct) -> Void) {
            guard var columns = groups[item.group][1]?.elements, var chunk = columns[item.column].structure else { return }
            body(&chunk)
            columns[item.column] = .structure(chunk)
            groups[item.group][1] = .list(elementType: 12, elements: columns, isSet: false)
        }
        var dropped = 0
        // Column indexes: min/max per page, no offsets; copied as they are.
        for item in copied {
            guard item.chunk[6] != nil || item.chunk[7] != nil else { continue }
            let original = sourceIndexes(item)
            guard let bytes = sourceBytes(original.columnIndex.offset, original.columnIndex.length) else { dropped += 1; continue }
            let offset = writer.offset
            try writer.write(bytes, to: &sink)
            update(item) { $0[6] = .i64(Int64(offset)); $0[7] = .i32(Int32(bytes.count)) }
        }
        // Offset indexes: page locations, whose offsets move with the chunk.
        for item in copied {
            let original = sourceIndexes(item)
            guard original.offsetIndex.offset != nil else { continue }
            guard let bytes = sourceBytes(original.offsetIndex.offset, original.offsetIndex.length),
                  var index = try? ThriftStruct.read(bytes), let locations = index[1]?.elements else { dropped += 1; continue }
            var moved: [ThriftValue] = []
            for location in locations {
                guard var l = location.structure, let offset = l[1]?.int else { continue }
                l[1] = .i64(Int64(offset + item.delta))
                moved.append(.structure(l))
            }
            guard moved.count == locations.count else { dropped += 1; continue }
            index[1] = .list(elementType: 12, elements: moved, isSet: false)
            let encoded = index.encoded
            let offset = writer.offset
            try writer.write(encoded, to: &sink)
            update(item) { $0[4] = .i64(Int64(offset)); $0[5] = .i32(Int32(encoded.count)) }
        }
        // Bloom filters: a header and a bitset, no offsets; copied when their length is known.
        for item in copied {
            let original = sourceIndexes(item)
            guard original.bloom.offset != nil else { continue }
            guard let bytes = sourceBytes(original.bloom.offset, original.bloom.length) else { dropped += 1; continue }
            let offset = writer.offset
            try writer.write(bytes, to: &sink)
            update(item) { chunk in
                guard var meta = chunk[3]?.structure else { return }
                meta[14] = .i64(Int64(offset))
                meta[15] = .i32(Int32(bytes.count))
                chunk[3] = .structure(meta)
            }
        }
        if dropped > 0 { report.issues.append("\(dropped) page indexes or bloom filters of copied columns dropped: unreadable") }
    }

    /// The page index and bloom filter locations a copied chunk had in the source (kept in
    /// `CopiedChunkIndexes.chunk`, which is the chunk's metadata before they were cleared).
    private func sourceIndexes(_ item: CopiedChunkIndexes) -> (columnIndex: (offset: Int?, length: Int?),
                                                               offsetIndex: (offset: Int?, length: Int?),
                                                               bloom: (offset: Int?, length: Int?)) {
        let meta = item.chunk[3]?.structure
        return ((item.chunk[6]?.int, item.chunk[7]?.int), (item.chunk[4]?.int, item.chunk[5]?.int),
                (meta?[14]?.int, meta?[15]?.int))
    }
}

/// A replacement the column's type cannot hold (thrown inside page decoding, turned into a
/// `ParquetRewriteError` with the place).
struct UnrepresentableValue: Error {
    var row: Int
    var reason: String
}

struct NullInRequiredColumn: Error {
    var row: Int
}
