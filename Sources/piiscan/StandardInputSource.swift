import Records
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads standard input (file descriptor 0), keeping its first bytes so the format can be
/// sniffed before the scan reads them again.
struct StandardInputSource: ByteSource {
    private(set) var prefix: [UInt8] = []
    private var replayed = 0

    /// Reads up to `length` bytes (less at the end of the input) into `prefix`.
    mutating func loadPrefix(length: Int = 64 * 1024) throws(ReadError) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: length, alignment: 16)
        defer { storage.deallocate() }
        var filled = 0
        while filled < length {
            let n = try Self.readInput(into: UnsafeMutableRawBufferPointer(rebasing: storage[filled...]))
            if n == 0 { break }
            filled += n
        }
        prefix = Array(storage[0..<filled])
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        if replayed < prefix.count {
            let n = min(buffer.count, prefix.count - replayed)
            prefix.withUnsafeBytes { raw in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[replayed..<replayed + n]))
            }
            replayed += n
            return n
        }
        return try Self.readInput(into: buffer)
    }

    private static func readInput(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(0, base, buffer.count)
            #elseif canImport(Musl)
            let n = Musl.read(0, base, buffer.count)
            #else
            let n = Darwin.read(0, base, buffer.count)
            #endif
            if n >= 0 { return n }
            let code = errno
            if code == EINTR { continue }
            throw ReadError(kind: .read, code: code, message: systemDescription(code))
        }
    }
}
