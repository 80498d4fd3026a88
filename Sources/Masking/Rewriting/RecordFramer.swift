import Records

/// Cuts a byte stream into records, so that each record can be masked and written on its own:
/// in bounded memory, and with the output flushed after each record when the input is a pipe.
///
/// - Lines (JSON Lines, text): a record ends after `\n` (a JSON string cannot hold a raw
///   newline, so a line is a whole JSON Lines record). In text, a PEM block (a line with
///   `-----BEGIN ` up to the line with `-----END `) is one record, because a private key is
///   one finding across its lines.
/// - CSV/TSV: a record ends at a line break outside quotes, with the same quoting rules as
///   `CSVReader` (a quote opens a quoted cell only at the start of a cell; `""` inside quotes
///   is a quote).
///
/// The framer reads only as much as it needs for the next record (a pipe read returns what is
/// there), so a record is handed on as soon as its last byte arrives.
struct RecordFramer<Source: ByteSource> {
    enum Kind {
        case lines(pem: Bool)
        case csv(separator: UInt8)
    }

    /// One step of framing.
    enum Event {
        /// A whole record: bytes including its line break, and its offset in the stream.
        case record(UnsafeRawBufferPointer, offset: Int)
        /// A record longer than `maxRecordBytes`: `chunk` is the next part of it (the first part
        /// starts at `offset`); `isLast` on its final part.
        case oversized(UnsafeRawBufferPointer, offset: Int, isFirst: Bool, isLast: Bool)
        case end
    }

    var source: Source
    let kind: Kind
    let maxRecordBytes: Int
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already handed on; the pending record starts here.
    private var consumed = 0
    /// Stream offset of `buffer[0]`.
    private var bufferOffset = 0
    /// How far into the pending record the scan for its end has got, and the quote state there.
    private var scanned = 0
    private var csvState = CSVState.cellStart
    private var inPEM = false
    private var lineStart = 0
    private var atEOF = false
    /// Set while passing on the parts of an oversized record.
    private var oversizedActive = false
    /// Bytes read so far.
    private(set) var bytesRead = 0
    private let readSize = 1 << 16

    enum CSVState { case cellStart, unquoted, quoted, quoteInQuoted }

    init(source: Source, kind: Kind, maxRecordBytes: Int) {
        self.source = source
        self.kind = kind
        self.maxRecordBytes = maxRecordBytes
    }

    /// The next record, part of an oversized record, or the end. The buffer behind a returned
    /// pointer is valid until the next call.
    mutating func next() throws(ReadError) -> Event {
        while true {
            if let end = findEnd() {
                let start = consumed
                let offset = bufferOffset + start
                consumed = end
                resetScan()
                let record = buffer.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[start..<end]) }
                if oversizedActive || end - start > maxRecordBytes {
                    let isFirst = !oversizedActive
                    oversizedActive = false
                    return .oversized(record, offset: offset, isFirst: isFirst, isLast: true)
                }
                return .record(record, offset: offset)
            }
            if atEOF {
                guard consumed < buffer.count else {
                    if oversizedActive {
                        oversizedActive = false
                        return .oversized(UnsafeRawBufferPointer(start: nil, count: 0), offset: bufferOffset, isFirst: false, isLast: true)
                    }
                    return .end
                }
                let start = consumed
                let count = buffer.count
                let offset = bufferOffset + start
                consumed = count
                resetScan()
                let record = buffer.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[start..<count]) }
                if oversizedActive {
                    oversizedActive = false
                    return .oversized(record, offset: offset, isFirst: false, isLast: true)
                }
                return .record(record, offset: offset)
            }
            if buffer.count - consumed >= maxRecordBytes {
                // Hand on what there is as a part of an oversized record; keep the scan state.
                let start = consumed
                let count = scanned
                let offset = bufferOffset + start
                let isFirst = !oversizedActive
                oversizedActive = true
                consumed = count
                lineStart = max(lineStart, count)
                let part = buffer.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[start..<count]) }
                return .oversized(part, offset: offset, isFirst: isFirst, isLast: false)
            }
            try fill()
        }
    }

    private mutating func resetScan() {
        scanned = consumed
        lineStart = consumed
        csvState = .cellStart
        inPEM = false
    }

    private mutating func fill() throws(ReadError) {
        // Drop the records already handed on (once per read, not once per record).
        if consumed > 0 {
            buffer.removeSubrange(0..<consumed)
            bufferOffset += consumed
            scanned -= consumed
            lineStart -= consumed
            consumed = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: readSize))
        let result = buffer.withUnsafeMutableBytes { raw in
            Result { () throws(ReadError) -> Int in try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[old...])) }
        }
        let n = try result.get()
        buffer.removeSubrange((old + n)...)
        bytesRead += n
        if n == 0 { atEOF = true }
    }

    /// The end (exclusive, after the line break) of the record at the buffer's start, if the
    /// buffer holds all of it.
    private mutating func findEnd() -> Int? {
        let count = buffer.count
        switch kind {
        case .lines(let pem):
            while scanned < count {
                guard let newline = buffer[scanned..<count].firstIndex(of: UInt8(ascii: "\n")) else {
                    scanned = count
                    return nil
                }
                let end = newline + 1
                if pem {
                    let line = buffer[lineStart..<newline]
                    if inPEM {
                        if contains(line, PEMArmor.end) { inPEM = false }
                    } else if contains(line, PEMArmor.begin) && !contains(line, PEMArmor.end) {
                        inPEM = true
                    }
                }
                scanned = end
                lineStart = end
                if !inPEM { return end }
            }
            return nil
        case .csv(let separator):
            var i = scanned
            var state = csvState
            defer { csvState = state; scanned = i }
            while i < count {
                let b = buffer[i]
                i += 1
                switch state {
                case .cellStart:
                    if b == UInt8(ascii: "\"") { state = .quoted }
                    else if b == UInt8(ascii: "\n") { return i }
                    else if b == UInt8(ascii: "\r") {
                        // CRLF or a lone CR ends the record; wait for the next byte to know.
                        if i < count { if buffer[i] == UInt8(ascii: "\n") { i += 1 }; return i }
                        if atEOF { return i }
                        i -= 1
                        return nil
                    } else if b != separator { state = .unquoted }
                case .unquoted:
                    if b == separator { state = .cellStart }
                    else if b == UInt8(ascii: "\n") { return i }
                    else if b == UInt8(ascii: "\r") {
                        if i < count { if buffer[i] == UInt8(ascii: "\n") { i += 1 }; return i }
                        if atEOF { return i }
                        i -= 1
                        return nil
                    }
                case .quoted:
                    if b == UInt8(ascii: "\"") { state = .quoteInQuoted }
                case .quoteInQuoted:
                    if b == UInt8(ascii: "\"") { state = .quoted }
                    else if b == separator { state = .cellStart }
                    else if b == UInt8(ascii: "\n") { return i }
                    else if b == UInt8(ascii: "\r") {
                        if i < count { if buffer[i] == UInt8(ascii: "\n") { i += 1 }; return i }
                        if atEOF { return i }
                        i -= 1
                        state = .quoteInQuoted
                        return nil
                    } else { state = .unquoted }
                }
            }
            return nil
        }
    }


    private func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}

/// The armor lines that open and close a PEM block.
enum PEMArmor {
    static let begin = Array("-----BEGIN ".utf8)
    static let end = Array("-----END ".utf8)
}
