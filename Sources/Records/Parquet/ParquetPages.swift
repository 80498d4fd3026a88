/// Walks the pages of one column chunk: each page's header and compressed body, with the bounds
/// checks every reader of a chunk needs. `ParquetReader` and `ParquetRewriter` both read chunks
/// through it, so they accept and reject the same pages.
struct ParquetPageWalker {
    let bytes: [UInt8]
    let maxPageSize: Int
    /// The chunk's offset in the file, for messages.
    let base: Int
    private(set) var position = 0

    init(_ bytes: [UInt8], maxPageSize: Int, base: Int) {
        self.bytes = bytes
        self.maxPageSize = maxPageSize
        self.base = base
    }

    /// The next page, or nil at the end of the chunk.
    mutating func next() throws(ParquetError) -> (header: ParquetPageHeader, body: ArraySlice<UInt8>)? {
        guard position < bytes.count else { return nil }
        var thrift = ThriftReader(bytes, from: position)
        let header = try ParquetPageHeader.read(&thrift)
        position = thrift.position
        guard header.compressedSize >= 0, header.compressedSize <= bytes.count - position,
              header.uncompressedSize >= 0, header.uncompressedSize <= maxPageSize else {
            throw ParquetError.malformed("page at byte \(base + position) has sizes outside the chunk")
        }
        let body = bytes[position..<(position + header.compressedSize)]
        position += header.compressedSize
        return (header, body)
    }

    /// The values of a dictionary page (PLAIN or PLAIN_DICTIONARY encoded).
    static func dictionary(_ header: ParquetPageHeader, body: ArraySlice<UInt8>, codec: ParquetCodec,
                           column: ParquetLeafColumn) throws(ParquetError) -> ParquetValues {
        let data = try codec.decompress(body, size: header.uncompressedSize)
        guard header.encoding == 0 || header.encoding == 2 else {
            throw ParquetError.unsupported("dictionary encoding \(header.encoding)")
        }
        guard header.valueCount >= 0, header.valueCount <= data.count * 8 + 1 else {
            throw ParquetError.malformed("dictionary claims \(header.valueCount) values")
        }
        var cursor = PageCursor(data)
        return try decodeValues(&cursor, encoding: .plain, type: column.type, typeLength: column.typeLength,
                                count: header.valueCount)
    }
}

/// A data page with its levels and values decoded.
struct ParquetDataPage {
    /// Entries in the page (values and nulls; with repetition, list elements).
    var count: Int
    /// The page's values, or the dictionary when `usesDictionary` (then the caller's `indices`
    /// name an entry per value).
    var table: ParquetValues
    var usesDictionary: Bool
}

extension ParquetPageWalker {
    /// The most values a page may claim (bounds the level arrays a corrupt header could ask for).
    static let maxPageValues = 1 << 26

    /// Decodes a data page (v1 or v2): repetition and definition levels into `repetition` and
    /// `definition` (left alone for a column without them), dictionary indices into `indices`,
    /// and the values. `ParquetReader` and `ParquetRewriter` read pages only through here.
    static func decodeDataPage(_ header: ParquetPageHeader, body: ArraySlice<UInt8>, codec: ParquetCodec,
                               column: ParquetLeafColumn, dictionary: ParquetValues?, repetition: inout [UInt32],
                               definition: inout [UInt32], indices: inout [UInt32]) throws(ParquetError) -> ParquetDataPage {
        let count = header.valueCount
        guard count >= 0, count <= maxPageValues else { throw ParquetError.malformed("page claims \(count) values") }
        guard let encoding = ParquetEncoding(rawValue: header.encoding) else {
            throw ParquetError.unsupported("unknown encoding \(header.encoding)")
        }
        var data: [UInt8]
        var cursor: PageCursor
        if header.type == ParquetPageType.dataPageV2.rawValue {
            let levels = header.repetitionLevelsLength + header.definitionLevelsLength
            guard header.repetitionLevelsLength >= 0, header.definitionLevelsLength >= 0, levels <= body.count,
                  levels <= header.uncompressedSize else {
                throw ParquetError.malformed("level lengths larger than the page")
            }
            let levelBytes = Array(body.prefix(levels))
            var levelCursor = PageCursor(levelBytes, end: header.repetitionLevelsLength)
            if column.maxRepetition > 0 {
                try decodeHybrid(&levelCursor, bitWidth: bitWidth(column.maxRepetition), count: count, into: &repetition)
            }
            levelCursor = PageCursor(levelBytes, from: header.repetitionLevelsLength)
            if column.maxDefinition > 0 {
                try decodeHybrid(&levelCursor, bitWidth: bitWidth(column.maxDefinition), count: count, into: &definition)
            }
            let values = body.dropFirst(levels)
            data = header.isCompressed ? try codec.decompress(values, size: header.uncompressedSize - levels) : Array(values)
            cursor = PageCursor(data)
        } else {
            data = try codec.decompress(body, size: header.uncompressedSize)
            cursor = PageCursor(data)
            if column.maxRepetition > 0 {
                try readV1Levels(&cursor, encoding: header.repetitionLevelEncoding, max: column.maxRepetition,
                                 count: count, into: &repetition)
            }
            if column.maxDefinition > 0 {
                try readV1Levels(&cursor, encoding: header.definitionLevelEncoding, max: column.maxDefinition,
                                 count: count, into: &definition)
            }
        }
        var present = count
        if column.maxDefinition > 0 {
            let full = UInt32(column.maxDefinition)
            present = 0
            for d in definition where d == full { present += 1 }
        }
        switch encoding {
        case .plainDictionary, .rleDictionary:
            guard let dictionary else { throw ParquetError.malformed("dictionary-encoded page without a dictionary page") }
            let width = Int(try cursor.byte())
            try decodeHybrid(&cursor, bitWidth: width, count: present, into: &indices)
            for index in indices where Int(index) >= dictionary.count {
                throw ParquetError.malformed("dictionary index \(index) past the dictionary's \(dictionary.count) values")
            }
            return ParquetDataPage(count: count, table: dictionary, usesDictionary: true)
        default:
            let values = try decodeValues(&cursor, encoding: encoding, type: column.type, typeLength: column.typeLength,
                                          count: present)
            return ParquetDataPage(count: count, table: values, usesDictionary: false)
        }
    }

    private static func readV1Levels(_ cursor: inout PageCursor, encoding: Int32, max: Int, count: Int,
                                     into out: inout [UInt32]) throws(ParquetError) {
        guard encoding == ParquetEncoding.rle.rawValue else { throw .unsupported("level encoding \(encoding)") }
        let length = Int(try cursor.uint32LE())
        guard length <= cursor.remaining else { throw .malformed("levels longer than the page") }
        var levels = PageCursor(cursor.bytes, from: cursor.position, end: cursor.position + length)
        try decodeHybrid(&levels, bitWidth: bitWidth(max), count: count, into: &out)
        cursor.position += length
    }
}
