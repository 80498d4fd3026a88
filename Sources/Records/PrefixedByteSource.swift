/// A source that reads its first bytes ahead (for format detection) and then replays them, so
/// a forward-only source (a pipe, standard input) can be sniffed and still read from the start.
public struct PrefixedByteSource<Base: ByteSource>: ByteSource {
    public var base: Base
    public let prefixLength: Int
    /// The first bytes, once `loadPrefix()` has run.
    public private(set) var prefix: [UInt8] = []
    private var replayed = 0

    public init(_ base: Base, prefixLength: Int = 64 * 1024) {
        self.base = base
        self.prefixLength = prefixLength
    }

    /// Reads up to `prefixLength` bytes (fewer at the end of the source) into `prefix`.
    public mutating func loadPrefix() throws(ReadError) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: prefixLength, alignment: 16)
        defer { storage.deallocate() }
        var filled = 0
        while filled < prefixLength {
            let n = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[filled...]))
            if n == 0 { break }
            filled += n
        }
        prefix = Array(storage[0..<filled])
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        if replayed < prefix.count {
            let n = min(buffer.count, prefix.count - replayed)
            prefix.withUnsafeBytes { p in
                guard let src = p.baseAddress, let dst = buffer.baseAddress else { return }
                dst.copyMemory(from: src + replayed, byteCount: n)
            }
            replayed += n
            return n
        }
        return try base.read(into: buffer)
    }
}
