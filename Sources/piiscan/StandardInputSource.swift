import Records
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads standard input (file descriptor 0). Wrap it in `PrefixedByteSource` to sniff its
/// format before scanning.
struct StandardInputSource: ByteSource {
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        try Self.readInput(into: buffer)
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
