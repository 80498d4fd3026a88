@testable import Records
import FuzzSupport

/// libFuzzer entry: the first byte picks the options (separator, header, piece size, a small
/// read buffer so fields cross buffer boundaries); the rest is read as CSV/TSV.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let options = data[0]
    var reader = CSVReader(separator: options & 1 == 0 ? UInt8(ascii: ",") : UInt8(ascii: "\t"),
                           hasHeader: options & 2 == 0,
                           pieceSize: options & 4 == 0 ? 1 << 20 : 1 + Int(options >> 5))
    if options & 8 != 0 { reader.bufferSize = 4 + Int(options >> 4) }
    var source = MemoryByteSource(inputBytes(data + 1, size - 1))
    var visitor = TouchingVisitor()
    do {
        touch(try reader.read(from: &source, into: &visitor))
    } catch {
        fuzzSink &+= UInt64(error.description.utf8.count)
    }
    return 0
}
