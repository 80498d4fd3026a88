#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes that can be read at any offset: what a format with its index at the end (Parquet)
/// needs instead of a forward-only `ByteSource`.
public protocol RandomAccessByteSource {
    /// The total size in bytes.
    var size: Int { get }
    /// Fills the start of `buffer` with the bytes at `offset`; returns the count written
    /// (less than asked only at the end).
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int
}

extension RandomAccessByteSource {
    /// The `count` bytes at `offset`; fewer if the source ends first. O(count).
    func bytes(at offset: Int, count: Int) throws(ReadError) -> [UInt8] {
        guard count > 0, offset >= 0, offset < size else { return [] }
        let wanted = min(count, size - offset)
        var out = [UInt8](repeating: 0, count: wanted)
        var got = 0
        var failure: ReadError?
        out.withUnsafeMutableBytes { buffer in
            while got < wanted {
                do throws(ReadError) {
                    let n = try read(at: offset + got, into: UnsafeMutableRawBufferPointer(rebasing: buffer[got...]))
                    if n == 0 { break }
                    got += n
                } catch {
                    failure = error
                    break
                }
            }
        }
        if let failure { throw failure }
        if got < wanted { out.removeLast(wanted - got) }
        return out
    }
}

/// A file read with `pread`, for readers that jump around (the Parquet footer comes first).
public final class FileRandomAccessSource: RandomAccessByteSource {
    public let path: String
    public let size: Int
    private let descriptor: Int32

    /// Opens `path` read-only.
    ///
    /// - Throws: `ReadError(kind: .open)` when the file cannot be opened or is not a regular file.
    public init(path: String) throws(ReadError) {
        var fd: Int32
        repeat {
            fd = open(path, O_RDONLY | O_CLOEXEC)
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            let code = errno
            throw ReadError(kind: .open, path: path, code: code, message: String(cString: strerror(code)))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw ReadError(kind: .open, path: path, code: EINVAL, message: "not a regular file")
        }
        self.path = path
        self.descriptor = fd
        self.size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = pread(descriptor, base, buffer.count, off_t(offset))
            if n >= 0 { return n }
            let code = errno
            if code == EINTR { continue }
            throw ReadError(kind: .read, path: path, code: code, message: String(cString: strerror(code)))
        }
    }
}

/// Bytes in memory read at any offset (tests, fuzzing, archive members).
public struct MemoryRandomAccessSource: RandomAccessByteSource {
    public let data: [UInt8]
    public var size: Int { data.count }

    public init(_ data: [UInt8]) { self.data = data }

    public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard offset >= 0, offset < data.count, let base = buffer.baseAddress else { return 0 }
        let n = min(buffer.count, data.count - offset)
        data.withUnsafeBytes { src in
            if let s = src.baseAddress { base.copyMemory(from: s + offset, byteCount: n) }
        }
        return n
    }
}
