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
