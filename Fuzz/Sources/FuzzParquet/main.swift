import FuzzSupport
import Records

/// libFuzzer entry: the input is read as a whole Parquet file; every value is touched.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var reader = ParquetReader()
    reader.maxPageSize = 16 << 20
    var visitor = TouchingVisitor()
    do {
        touch(try reader.read(from: MemoryRandomAccessSource(inputBytes(data, size)), into: &visitor))
    } catch {
        fuzzSink &+= UInt64(error.description.utf8.count)
    }
    fuzzSink &+= UInt64(visitor.pieces)
    return 0
}
