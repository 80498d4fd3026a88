#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer over a file descriptor (standard output), flushed when full and when the
/// caller asks (after each object in JSON Lines mode, so streaming consumers see progress).
///
/// A closed pipe (`EPIPE`, with SIGPIPE ignored) is not an error: the writer marks itself
/// closed, drops further output, and the command ends quietly. Other write errors (a full
/// disk) are kept in `failure` for the command to report.
final class OutputBuffer {
    private let fd: Int32
    private let capacity: Int
    private(set) var bytes: [UInt8] = []
    /// True once the reader went away or a write failed; output is dropped from then on.
    private(set) var isClosed = false
    /// The errno of a write failure other than a closed pipe.
    private(set) var failure: Int32?

    init(fd: Int32, capacity: Int = 64 * 1024) {
        self.fd = fd
        self.capacity = capacity
        bytes.reserveCapacity(capacity + 4096)
    }

    func write(_ text: String) {
        guard !isClosed else { return }
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= capacity { flush() }
    }

    func write(byte: UInt8) {
        guard !isClosed else { return }
        bytes.append(byte)
    }

    /// Appends through `body`, which writes into the buffer directly (JSON writing).
    func append(_ body: (inout [UInt8]) -> Void) {
        guard !isClosed else { return }
        body(&bytes)
        if bytes.count >= capacity { flush() }
    }

    /// Writes everything buffered.
    func flush() {
        guard !isClosed, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n >= 0 { offset += n; continue }
                let code = errno
                if code == EINTR || code == EAGAIN { continue }
                isClosed = true
                if code != EPIPE { failure = code }
                return
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
