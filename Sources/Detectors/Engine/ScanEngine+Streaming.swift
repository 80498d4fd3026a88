import Records
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed-size buffer that slides over a stream with overlap.
///
/// Each window is processed for the matches that *start* in its owned region; the region before
/// it (`backContext` bytes: keyword window, lookbehind) and after it (`forwardContext` bytes:
/// the longest match and its lookahead) are context only. Owned regions partition the stream,
/// so a match or keyword that straddles a chunk boundary is found exactly once, and memory is
/// `chunkSize + backContext + forwardContext` whatever the stream's length or line length.
struct StreamWindow {
    let storage: UnsafeMutableRawBufferPointer
    /// Bytes of `storage` holding data.
    var filled = 0
    /// Stream offset of `storage[0]`.
    var streamStart = 0
    /// Index in `storage` where the next owned region starts.
    var ownedStart = 0

    init(capacity: Int) {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
    }

    func deallocate() { storage.deallocate() }

    mutating func reset(streamStart: Int = 0) {
        filled = 0
        self.streamStart = streamStart
        ownedStart = 0
    }

    var isFull: Bool { filled == storage.count }

    /// Processes the window: `process(buffer, owned, streamOffsetOfBuffer)`; at the end of the
    /// stream the owned region runs to the end of the data; otherwise it stops `forward` bytes
    /// short, and the window then slides, keeping `back` bytes before the next owned region.
    mutating func advance(atEnd: Bool, back: Int, forward: Int,
                          _ process: (UnsafeRawBufferPointer, Range<Int>, Int) -> ScanControl) -> ScanControl {
        let ownedEnd = atEnd ? filled : max(ownedStart, filled - forward)
        let control = process(UnsafeRawBufferPointer(rebasing: storage[0..<filled]), ownedStart..<ownedEnd, streamStart)
        if atEnd || control == .stop { return control }
        let keepFrom = max(0, ownedEnd - back)
        if keepFrom > 0, let base = storage.baseAddress {
            memmove(base, base + keepFrom, filled - keepFrom)
        }
        streamStart += keepFrom
        ownedStart = ownedEnd - keepFrom
        filled -= keepFrom
        return .continue
    }
}

/// Tracks the 1-based line and column (in characters: UTF-8 lead bytes) of a stream offset,
/// advancing monotonically so each byte is examined once.
struct LineCursor {
    var offset = 0
    var line = 1
    var column = 1

    /// Moves to `target`; the bytes from `offset` to `target` must be in `buffer`, whose first byte
    /// is at stream offset `bufferStart`.
    mutating func advance(to target: Int, in buffer: UnsafeRawBufferPointer, bufferStart: Int) {
        guard target > offset, let base = buffer.baseAddress else { return }
        var i = offset - bufferStart
        let end = target - bufferStart
        while i < end, let hit = memchr(base + i, 0x0A, end - i) {
            line += 1
            column = 1
            i = base.distance(to: UnsafeRawPointer(hit)) + 1
        }
        column += Self.characterCount(base + i, end - i)
        offset = target
    }

    /// The number of UTF-8 lead bytes (bytes that are not `10xxxxxx`) in `base[0..<count]`:
    /// 32 at a time with a vector compare, so a long line costs a fraction of a byte loop.
    static func characterCount(_ base: UnsafeRawPointer, _ count: Int) -> Int {
        var total = 0
        var i = 0
        // Continuation bytes are 0x80...0xBF: `b &- 0x80 <= 0x3F`. (A vector `&` compiles to a
        // per-lane loop on this toolchain; subtract and compare do not.)
        let low = SIMD32<UInt8>(repeating: 0x80)
        let span = SIMD32<UInt8>(repeating: 0x3F)
        while i + 32 <= count {
            let v = base.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self)
            total += 32 - ByteClassifier.bits((v &- low) .<= span).nonzeroBitCount
            i += 32
        }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        while i < count {
            if bytes[i] & 0xC0 != 0x80 { total += 1 }
            i += 1
        }
        return total
    }

    /// `characterCount`'s scalar twin, the test oracle.
    static func characterCountScalar(_ base: UnsafeRawPointer, _ count: Int) -> Int {
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        return (0..<count).reduce(0) { $0 + (bytes[$1] & 0xC0 != 0x80 ? 1 : 0) }
    }
}

extension ScanScratch {
    var streamWindow: StreamWindow {
        get {
            if let window { return window }
            let created = StreamWindow(capacity: engine.bufferCapacity)
            window = created
            return created
        }
        set { window = newValue }
    }
}

extension ScanEngine {
    /// Scans a stream of unstructured text (any bytes; invalid UTF-8 is data) in bounded memory.
    /// Findings carry `.text` locations: byte offset and length in the stream, 1-based line and
    /// column.
    ///
    /// Complexity: O(n) in the stream's length plus the verification of candidates.
    public func scanText<Source: ByteSource, Sink: FindingSink>(
        from source: inout Source, path: String, scratch: ScanScratch, into sink: inout Sink
    ) -> ObjectResult {
        scratch.resetForObject()
        var result = ObjectResult(path: path, format: .text)
        var window = scratch.streamWindow
        window.reset()
        var cursor = LineCursor()
        var delivered = 0
        var total = 0
        var stopped = false
        loop: while true {
            var atEnd = false
            while !window.isFull {
                let n: Int
                do {
                    n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: window.storage[window.filled...]))
                } catch {
                    result.status = total == 0 ? .skipped : .partial
                    result.reason = error.code == EACCES ? .permissionDenied : .unableToParseFile
                    result.messages.append(error.description)
                    atEnd = true
                    break
                }
                if n == 0 { atEnd = true; break }
                window.filled += n
                total += n
            }
            let control = window.advance(atEnd: atEnd, back: backContext, forward: forwardContext) { buffer, owned, bufferStart in
                scratch.findMatches(in: buffer, owned: owned, streamOffset: bufferStart, names: .none)
                let control = scratch.flush(into: &sink, delivered: &delivered) { start, end in
                    cursor.advance(to: start, in: buffer, bufferStart: bufferStart)
                    return .text(offset: start, length: end - start, line: cursor.line, column: cursor.column)
                }
                cursor.advance(to: bufferStart + owned.upperBound, in: buffer, bufferStart: bufferStart)
                return control
            }
            if control == .stop { stopped = true; break loop }
            if atEnd { break }
        }
        scratch.streamWindow = window
        if !stopped && releaseHeldFindings(scratch, into: &sink, delivered: &delivered) == .stop { stopped = true }
        result.bytes = total
        result.findings = delivered
        finish(&result, scratch: scratch, stopped: stopped)
        return result
    }

    /// Scans bytes held in memory as text.
    public func scanText<Sink: FindingSink>(_ bytes: UnsafeRawBufferPointer, path: String = "-",
                                            scratch: ScanScratch, into sink: inout Sink) -> ObjectResult {
        var source = BufferByteSource(bytes)
        return scanText(from: &source, path: path, scratch: scratch, into: &sink)
    }

    /// Scans a string as text and returns its findings: a convenience for small inputs and tests.
    public func findings(in text: String) -> [Finding] {
        var sink = FindingCollector()
        let scratch = makeScratch()
        var copy = text
        copy.withUTF8 { utf8 in
            _ = scanText(UnsafeRawBufferPointer(utf8), scratch: scratch, into: &sink)
        }
        return sink.findings
    }

    /// Marks an object PARTIAL when verification hit the match limit or the sink stopped it.
    func finish(_ result: inout ObjectResult, scratch: ScanScratch, stopped: Bool) {
        noteCustomProblems(&result, scratch: scratch)
        if scratch.matchLimitHits > 0 {
            if result.status == .complete { result.status = .partial; result.reason = .matchLimitExceeded }
            result.messages.append("\(scratch.matchLimitHits) candidate(s) hit the pattern match limit and were not verified")
        }
        if stopped && result.status == .complete {
            result.status = .partial
            result.reason = .stopped
        }
    }
}

/// A `ByteSource` over borrowed memory (no copy). The memory must outlive the source.
struct BufferByteSource: ByteSource {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        let n = min(buffer.count, bytes.count - position)
        guard n > 0, let src = bytes.baseAddress, let dst = buffer.baseAddress else { return 0 }
        dst.copyMemory(from: src + position, byteCount: n)
        position += n
        return n
    }
}
