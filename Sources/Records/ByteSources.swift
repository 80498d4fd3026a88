#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A `ByteSource` reading a file through POSIX `open`/`read`/`close`.
///
/// The file is opened read-only in the initializer and closed when the source is released.
/// Errors carry the path, the `errno` value and the system's description, never file content.
public final class FileByteSource: ByteSource {
    /// The path the source was opened with.
    public let path: String
    /// The file size from `fstat` when the file is a regular file; nil otherwise (a pipe, a device).
    public let size: Int?

    private let descriptor: Int32

    /// Opens `path` for reading.
    ///
    /// - Throws: `ReadError(kind: .open)` when the file is missing, unreadable or a directory.
    public init(path: String) throws(ReadError) {
        var fd: Int32
        repeat {
            fd = open(path, O_RDONLY | O_CLOEXEC)
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            let code = errno
            throw ReadError(kind: .open, path: path, code: code, message: systemMessage(code))
        }
        var info = stat()
        if fstat(fd, &info) != 0 {
            let code = errno
            close(fd)
            throw ReadError(kind: .open, path: path, code: code, message: systemMessage(code))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            close(fd)
            throw ReadError(kind: .open, path: path, code: EISDIR, message: systemMessage(EISDIR))
        }
        self.path = path
        self.descriptor = fd
        self.size = type == S_IFREG ? Int(info.st_size) : nil
    }

    deinit {
        close(descriptor)
    }

    /// Reads the next bytes of the file; `EINTR` is retried.
    ///
    /// - Throws: `ReadError(kind: .read)` when the system call fails.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Darwin)
            let count = Darwin.read(descriptor, base, buffer.count)
            #elseif canImport(Musl)
            let count = Musl.read(descriptor, base, buffer.count)
            #else
            let count = Glibc.read(descriptor, base, buffer.count)
            #endif
            if count >= 0 { return count }
            let code = errno
            if code == EINTR { continue }
            throw ReadError(kind: .read, path: path, code: code, message: systemMessage(code))
        }
    }
}

/// The system's description of `code` starting with a lower-case letter ("permission denied").
func systemMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    let message = String(cString: text)
    guard let first = message.first else { return "error \(code)" }
    return first.lowercased() + message.dropFirst()
}

/// A `ByteSource` over bytes in memory (tests, small inputs).
public struct MemoryByteSource: ByteSource, Sendable {
    private let bytes: [UInt8]
    private var position = 0

    /// A source returning `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A source returning the UTF-8 bytes of `string`.
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// The total count of bytes.
    public var size: Int? { bytes.count }

    /// Copies the next bytes into `buffer`.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { all in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[position..<position + count]))
        }
        position += count
        return count
    }
}
