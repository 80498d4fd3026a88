#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A destination for bytes: a file, standard output, memory.
public protocol ByteSink {
    /// Writes all of `bytes` (a sink may buffer them until `flush`).
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError)
    /// Hands buffered bytes to the system (or the consumer): after it, a reader of a pipe sees
    /// everything written so far.
    mutating func flush() throws(WriteError)
}

extension ByteSink {
    /// Writes the bytes of an array.
    public mutating func write(_ bytes: [UInt8]) throws(WriteError) {
        let result = bytes.withUnsafeBytes { raw in Result<Void, WriteError> { () throws(WriteError) in try write(raw) } }
        try result.get()
    }

    /// Writes a string's UTF-8.
    public mutating func write(_ text: String) throws(WriteError) {
        try write(Array(text.utf8))
    }
}

/// An error writing output: the path (when there is one), `errno`, and the system's message;
/// never any content.
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String?
    public var code: Int32?
    public var message: String

    public init(path: String? = nil, code: Int32? = nil, message: String) {
        self.path = path
        self.code = code
        self.message = message
    }

    public var description: String { (path.map { "\($0): " } ?? "") + message }
}

/// A buffered `ByteSink` over a POSIX file descriptor.
///
/// `FileByteSink(creatingNew:)` creates a file that must not exist yet (`O_EXCL`), the first
/// half of writing a temporary file and renaming it over the destination;
/// `FileByteSink(descriptor: 1)` writes standard output. Bytes are buffered up to
/// `bufferSize` and written when the buffer fills, on `flush()` and on `close()`.
public final class FileByteSink: ByteSink {
    public let path: String?
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private let bufferSize: Int
    private var closed = false

    /// Creates the file at `path` (mode 0644 before the umask), failing if it exists.
    public init(creatingNew path: String, bufferSize: Int = 1 << 20) throws(WriteError) {
        var fd: Int32
        repeat {
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            let code = errno
            throw WriteError(path: path, code: code, message: systemMessage(code))
        }
        self.path = path
        self.descriptor = fd
        self.ownsDescriptor = true
        self.bufferSize = max(1, bufferSize)
        buffer.reserveCapacity(self.bufferSize)
    }

    /// Writes to an open descriptor, which is not closed when the sink is released.
    public init(descriptor: Int32, name: String? = nil, bufferSize: Int = 1 << 16) {
        self.path = name
        self.descriptor = descriptor
        self.ownsDescriptor = false
        self.bufferSize = max(1, bufferSize)
        buffer.reserveCapacity(self.bufferSize)
    }

    deinit {
        if ownsDescriptor && !closed { _ = closeDescriptor(descriptor) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) {
        if buffer.count + bytes.count > bufferSize {
            try flush()
            if bytes.count >= bufferSize {
                try writeAll(bytes)
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    public func flush() throws(WriteError) {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        let result = pending.withUnsafeBytes { raw in Result<Void, WriteError> { () throws(WriteError) in try writeAll(raw) } }
        try result.get()
    }

    /// Flushes, asks the system to put the file on disk (`fsync`), and closes it.
    public func close(sync: Bool = true) throws(WriteError) {
        guard !closed else { return }
        try flush()
        closed = true
        if sync && fsync(descriptor) != 0 {
            let code = errno
            if ownsDescriptor { _ = closeDescriptor(descriptor) }
            throw WriteError(path: path, code: code, message: systemMessage(code))
        }
        if ownsDescriptor && closeDescriptor(descriptor) != 0 {
            let code = errno
            throw WriteError(path: path, code: code, message: systemMessage(code))
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(WriteError) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            #if canImport(Darwin)
            let n = Darwin.write(descriptor, base, remaining)
            #elseif canImport(Musl)
            let n = Musl.write(descriptor, base, remaining)
            #else
            let n = Glibc.write(descriptor, base, remaining)
            #endif
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw WriteError(path: path, code: code, message: systemMessage(code))
            }
            remaining -= n
            base += n
        }
    }
}

private func closeDescriptor(_ fd: Int32) -> Int32 {
    #if canImport(Darwin)
    return Darwin.close(fd)
    #elseif canImport(Musl)
    return Musl.close(fd)
    #else
    return Glibc.close(fd)
    #endif
}

/// A `ByteSink` that keeps everything in memory (tests, small outputs).
public struct MemoryByteSink: ByteSink, Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) {
        self.bytes.append(contentsOf: bytes)
    }

    public mutating func flush() throws(WriteError) {}

    /// The bytes as UTF-8 text (invalid sequences repaired).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
