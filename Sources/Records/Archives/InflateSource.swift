internal import CCodecs

/// The running totals of one top-level archive: members seen and bytes decompressed, checked
/// against the limits. Shared by every layer of the expansion (one thread).
final class ArchiveBudget {
    let limits: ArchiveLimits
    var members = 0
    var extractedBytes = 0
    /// The limit that ended the expansion, once one has.
    var exhausted: ArchiveProblem?

    init(limits: ArchiveLimits) { self.limits = limits }
}

/// Decompresses gzip (every member of a multi-member file, as `gunzip` does) or raw deflate (a
/// zip member) from a compressed source, in 64 KiB steps, with bounded memory.
///
/// zlib (the system library, Debian's `zlib1g-dev`) does the inflating. It was chosen over
/// ZIPFoundation (needs Foundation and whole-file access, no streaming from a pipe or a tar)
/// and compress-nio (pulls in SwiftNIO for its `ByteBuffer`): a thin wrapper keeps `Records`
/// free of both, streams, and builds offline.
///
/// Limits: the output counts toward the budget's extracted bytes, and the ratio of output to
/// input is checked once the output passes `ratioCheckThreshold`. Reaching either ends the
/// stream early (`read` returns 0) with `problem` set. Damaged or truncated data throws a
/// `ReadError` naming the object and the compressed offset, and sets `problem` (`.malformed`).
final class InflateSource: ByteSource {
    enum Mode { case gzip, rawDeflate }

    private let mode: Mode
    private var input: any ByteSource
    private let path: String
    private let budget: ArchiveBudget
    private let stream: UnsafeMutablePointer<z_stream>
    private let inputBuffer: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var finished = false
    private var initialized = false
    /// The gzip header of the first member, for its file name.
    private let header: UnsafeMutablePointer<gz_header>
    private let nameBuffer: UnsafeMutablePointer<UInt8>
    private static let nameCapacity = 1024

    /// Compressed bytes consumed and decompressed bytes produced.
    private(set) var bytesIn = 0
    private(set) var bytesOut = 0
    /// Why the stream ended early or failed, if it did.
    private(set) var problem: ArchiveProblem?
    /// Members after the first in a multi-member gzip file.
    private(set) var extraMembers = 0

    init(_ input: any ByteSource, mode: Mode, path: String, budget: ArchiveBudget) {
        self.mode = mode
        self.input = input
        self.path = path
        self.budget = budget
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        inputBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        header = .allocate(capacity: 1)
        header.initialize(to: gz_header())
        nameBuffer = .allocate(capacity: Self.nameCapacity)
        nameBuffer.initialize(repeating: 0, count: Self.nameCapacity)
    }

    deinit {
        if initialized { inflateEnd(stream) }
        stream.deallocate()
        inputBuffer.deallocate()
        header.deallocate()
        nameBuffer.deallocate()
    }

    /// The file name stored in the first gzip member's header (`FNAME`), once the header has
    /// been read; nil when absent or not yet read.
    var storedName: String? {
        guard mode == .gzip, initialized, header.pointee.done == 1, header.pointee.name != nil else { return nil }
        let length = (0..<Self.nameCapacity - 1).first { nameBuffer[$0] == 0 } ?? (Self.nameCapacity - 1)
        guard length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: nameBuffer, count: length), as: UTF8.self)
    }

    private func start() throws(ReadError) {
        let windowBits: Int32 = mode == .gzip ? 15 + 16 : -15
        guard ccodecs_inflate_init2(stream, windowBits) == Z_OK else {
            throw fail(.malformed, "cannot start decompression (zlib out of memory)")
        }
        initialized = true
        if mode == .gzip { try attachHeader() }
    }

    private func attachHeader() throws(ReadError) {
        header.pointee = gz_header()
        header.pointee.name = nameBuffer
        header.pointee.name_max = UInt32(Self.nameCapacity - 1)
        guard inflateGetHeader(stream, header) == Z_OK else {
            throw fail(.malformed, "cannot read the gzip header")
        }
    }

    private func fail(_ kind: ArchiveProblem.Kind, _ message: String) -> ReadError {
        problem = ArchiveProblem(kind: kind, path: path, message: message)
        return ReadError(kind: .read, path: path, message: message)
    }

    private func stop(_ kind: ArchiveProblem.Kind, _ message: String) {
        let stopped = ArchiveProblem(kind: kind, path: path, message: message)
        problem = stopped
        if kind == .tooManyBytes, budget.exhausted == nil { budget.exhausted = stopped }
    }

    /// Refills zlib's input; returns false at the end of the compressed data.
    private func refill() throws(ReadError) -> Bool {
        if inputEnded { return false }
        let n = try input.read(into: inputBuffer)
        if n == 0 { inputEnded = true; return false }
        stream.pointee.next_in = inputBuffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(n)
        return true
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0, !finished, problem == nil else { return 0 }
        if !initialized { try start() }
        let limits = budget.limits
        let room = limits.maxExtractedBytes - budget.extractedBytes
        if room <= 0 {
            stop(.tooManyBytes, "stopped: more than \(limits.maxExtractedBytes) bytes decompressed from this archive (limit)")
            return 0
        }
        let want = min(buffer.count, room, Int(UInt32.max))
        stream.pointee.next_out = base.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(want)
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0, try !refill() {
                if stream.pointee.avail_out < UInt32(want) { break }  // deliver what we have first
                throw fail(.malformed, "truncated \(mode == .gzip ? "gzip" : "deflate") data: the stream ends "
                           + "before its end marker (after \(bytesIn) compressed bytes)")
            }
            let availableBefore = stream.pointee.avail_in
            let code = inflate(stream, Z_NO_FLUSH)
            bytesIn += Int(availableBefore - stream.pointee.avail_in)
            if code == Z_STREAM_END {
                let more = mode == .gzip ? try nextGzipMember() : false
                if !more {
                    finished = true
                    break
                }
                continue
            }
            if code == Z_BUF_ERROR { continue }  // needs more input: the loop refills
            if code != Z_OK {
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
                throw fail(.malformed, "corrupt \(mode == .gzip ? "gzip" : "deflate") data near compressed "
                           + "offset \(bytesIn): \(detail)")
            }
        }
        let produced = want - Int(stream.pointee.avail_out)
        bytesOut += produced
        budget.extractedBytes += produced
        if bytesOut > limits.ratioCheckThreshold, bytesOut / max(bytesIn, 1) > limits.maxCompressionRatio {
            stop(.compressionRatio, "stopped after \(bytesOut) bytes: decompressed/compressed ratio over "
                 + "\(limits.maxCompressionRatio) (zip bomb guard)")
        }
        return produced
    }

    /// After a gzip member's end: starts the next member if one follows. Trailing bytes that
    /// are not a gzip header (zero padding from tape tools) end the stream.
    private func nextGzipMember() throws(ReadError) -> Bool {
        if stream.pointee.avail_in == 0, try !refill() { return false }
        guard let next = stream.pointee.next_in, next[0] == 0x1F else { return false }
        if stream.pointee.avail_in >= 2, next[1] != 0x8B { return false }
        guard inflateReset(stream) == Z_OK else { return false }
        extraMembers += 1
        return true
    }
}
