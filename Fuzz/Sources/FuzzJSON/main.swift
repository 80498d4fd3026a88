@testable import Records
import FuzzSupport

/// libFuzzer entry: the first byte picks the reader (JSON or JSON Lines) and options (piece
/// size, nesting limit, a small read buffer so values cross buffer boundaries); the rest is the
/// document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let options = data[0]
    let pieceSize = options & 2 == 0 ? 1 << 20 : 1 + Int(options >> 5)
    let maxDepth = options & 4 == 0 ? 512 : 1 + Int(options >> 6)
    let bufferSize = options & 8 == 0 ? nil : 4 + Int(options >> 4)
    var source = MemoryByteSource(inputBytes(data + 1, size - 1))
    var visitor = TouchingVisitor()
    do {
        if options & 1 == 0 {
            var reader = JSONReader(pieceSize: pieceSize, maxDepth: maxDepth)
            if let bufferSize { reader.bufferSize = bufferSize }
            touch(try reader.read(from: &source, into: &visitor))
        } else {
            var reader = JSONLinesReader(pieceSize: pieceSize, maxDepth: maxDepth)
            if let bufferSize { reader.bufferSize = bufferSize }
            touch(try reader.read(from: &source, into: &visitor))
        }
    } catch {
        fuzzSink &+= UInt64(error.description.utf8.count)
    }
    return 0
}
