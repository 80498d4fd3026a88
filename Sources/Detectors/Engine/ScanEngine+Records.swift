import Records
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names that count as keywords for a field: its column name, or the element names on its
/// record path. Computed only when a match needs a keyword.
enum FieldNames {
    case none
    /// A CSV/TSV column's name and its number (from 1).
    case column(String, Int)
    /// The path's names; a key (a name that is itself the value) does not count for itself.
    case path(FieldPath, isKey: Bool)

    var names: [String] {
        switch self {
        case .none: return []
        case .column(let name, _): return [name]
        case .path(let path, let isKey):
            var names = path.names
            if isKey, !names.isEmpty { names.removeLast() }
            return names
        }
    }
}

/// Scans the fields a reader delivers. A field in one piece is scanned in place; a field in
/// several pieces goes through the scratch's stream window, like text.
struct FieldScanner<Sink: FindingSink>: FieldVisitor {
    let engine: ScanEngine
    let scratch: ScanScratch
    var sink: Sink
    var delivered = 0
    var stopped = false
    /// Stream offset given to the next field: every field gets its own range of offsets, so
    /// "one identifier's matches do not overlap" needs no reset between fields.
    var nextBase = 0
    /// The current multi-piece field: its base and its offset map so far.
    var fieldBase = 0
    var fieldOffsets = OffsetMap(rawStart: 0)
    /// Matches found in the entries of the current dictionary, by entry (relative offsets).
    var entryMatches: [Int: [PendingMatch]] = [:]
    var cachedDictionary = -1
    /// The gated identifiers opened by the names of recently seen record paths, searched from
    /// the entry after the last hit: records of one file repeat their paths in order, so the
    /// next lookup usually hits at once, without building the name list or hashing it.
    var pathGates: [(path: FieldPath, isKey: Bool, ids: [Int])] = []
    var pathGateCursor = 0
    static var pathGateCapacity: Int { 64 }

    init(engine: ScanEngine, scratch: ScanScratch, sink: Sink) {
        self.engine = engine
        self.scratch = scratch
        self.sink = sink
    }

    /// `scratch.gatedByName(.path(path, isKey:))`, cached per path.
    private mutating func gates(_ path: FieldPath, isKey: Bool, names: FieldNames) -> [Int] {
        let n = pathGates.count
        var k = pathGateCursor
        for _ in 0..<n {
            if k >= n { k = 0 }
            if pathGates[k].isKey == isKey && pathGates[k].path == path {
                pathGateCursor = k + 1
                return pathGates[k].ids
            }
            k += 1
        }
        let ids = scratch.gatedByName(names)
        if n < Self.pathGateCapacity {
            pathGates.append((path, isKey, ids))
            pathGateCursor = n + 1
        } else {
            let slot = pathGateCursor % n
            pathGates[slot] = (path, isKey, ids)
            pathGateCursor = slot + 1
        }
        return ids
    }

    mutating func visit(_ piece: FieldPiece) -> Bool {
        let names: FieldNames
        var opened: [Int]? = nil
        switch piece.position {
        case .cell(_, let column):
            names = piece.isName ? .none : piece.columnName.map { .column($0, column) } ?? .none
        case .record(_, let path):
            names = .path(path, isKey: piece.isName)
            if scratch.hasGatedIdentifiers { opened = gates(path, isKey: piece.isName, names: names) }
        }
        if piece.isFirstPiece && piece.isLastPiece {
            let base = nextBase
            nextBase += piece.bytes.count + 1
            if let entry = piece.dictionaryEntry {
                findMatches(ofEntry: entry, piece, base: base, names: names, opened: opened)
            } else {
                scratch.findMatches(in: piece.bytes, owned: 0..<piece.bytes.count, streamOffset: base, names: names,
                                    openedByName: opened)
            }
            let control = scratch.flush(into: &sink, delivered: &delivered) { start, end in
                Self.location(of: piece, start - base, end - base, offsets: piece.offsets)
            }
            if control == .stop { stopped = true }
            return !stopped
        }
        return visitPiece(piece, names: names)
    }

    /// Matches of a dictionary entry: scanned the first time the entry is seen, replayed (at
    /// this field's offsets) every other time. The cache holds one dictionary's entries.
    private mutating func findMatches(ofEntry entry: DictionaryEntry, _ piece: FieldPiece, base: Int,
                                      names: FieldNames, opened: [Int]?) {
        if entry.dictionary != cachedDictionary {
            entryMatches.removeAll(keepingCapacity: true)
            cachedDictionary = entry.dictionary
        }
        if let cached = entryMatches[entry.entry] {
            scratch.dictionaryReuses += 1
            for match in cached {
                var copy = match
                copy.start += base
                copy.end += base
                scratch.pending.append(copy)
            }
            return
        }
        scratch.findMatches(in: piece.bytes, owned: 0..<piece.bytes.count, streamOffset: base, names: names,
                            openedByName: opened)
        entryMatches[entry.entry] = scratch.pending.map { match in
            var copy = match
            copy.start -= base
            copy.end -= base
            return copy
        }
    }

    private mutating func visitPiece(_ piece: FieldPiece, names: FieldNames) -> Bool {
        var window = scratch.streamWindow
        defer { scratch.streamWindow = window }
        if piece.isFirstPiece {
            fieldBase = nextBase
            window.reset(streamStart: fieldBase)
            fieldOffsets = OffsetMap(rawStart: piece.offsets.raw(piece.decodedStart))
        }
        for anchor in piece.offsets.anchors where anchor.decoded >= piece.decodedStart {
            fieldOffsets.add(decoded: anchor.decoded, raw: anchor.raw)
        }
        // The piece's first byte maps through the piece's own map even if it reset its anchors.
        fieldOffsets.add(decoded: piece.decodedStart, raw: piece.offsets.raw(piece.decodedStart))
        var remaining = piece.bytes
        while true {
            let room = window.storage.count - window.filled
            let n = min(room, remaining.count)
            if n > 0, let src = remaining.baseAddress, let dst = window.storage.baseAddress {
                (dst + window.filled).copyMemory(from: src, byteCount: n)
                window.filled += n
                remaining = UnsafeRawBufferPointer(rebasing: remaining[n...])
            }
            let atEnd = piece.isLastPiece && remaining.isEmpty
            guard window.isFull || atEnd else { break }
            let base = fieldBase
            let offsets = fieldOffsets
            let control = window.advance(atEnd: atEnd, back: engine.backContext, forward: engine.forwardContext) {
                buffer, owned, bufferStart in
                scratch.findMatches(in: buffer, owned: owned, streamOffset: bufferStart, names: names)
                return scratch.flush(into: &sink, delivered: &delivered) { start, end in
                    Self.location(of: piece, start - base, end - base, offsets: offsets)
                }
            }
            if control == .stop { stopped = true; return false }
            if atEnd {
                nextBase = window.streamStart + window.filled + 1
                break
            }
        }
        return true
    }

    private static func location(of piece: FieldPiece, _ start: Int, _ end: Int, offsets: OffsetMap) -> Location {
        let raw = offsets.rawRange(start, end)
        switch piece.position {
        case .cell(let row, let column):
            return .cell(row: row, column: column, columnName: piece.isName ? nil : piece.columnName,
                         offset: raw.lowerBound, length: raw.count)
        case .record(let index, let path):
            return .record(recordIndex: index, jsonPath: path.description, offset: raw.lowerBound, length: raw.count)
        }
    }
}

extension ScanEngine {
    /// Scans an object of a known format from `source`.
    ///
    /// CSV/TSV cells get `.cell` locations, JSON and JSON Lines values `.record` locations, text
    /// `.text` locations. A malformed object is scanned as far as the reader gets (and the rest
    /// as raw text where the reader can), and its status is PARTIAL with a reason.
    public func scan<Source: ByteSource, Sink: FindingSink>(
        from source: inout Source, format: FileFormat, path: String, scratch: ScanScratch, into sink: inout Sink
    ) -> ObjectResult {
        if format == .text { return scanText(from: &source, path: path, scratch: scratch, into: &sink) }
        if format == .parquet { return scanParquet(buffering: &source, path: path, scratch: scratch, into: &sink) }
        scratch.resetForObject()
        var scanner = FieldScanner(engine: self, scratch: scratch, sink: sink)
        var result = ObjectResult(path: path, format: format)
        do {
            let report: ReadReport
            switch format {
            case .csv: report = try CSVReader(separator: UInt8(ascii: ",")).read(from: &source, into: &scanner)
            case .tsv: report = try CSVReader(separator: UInt8(ascii: "\t")).read(from: &source, into: &scanner)
            case .json: report = try JSONReader().read(from: &source, into: &scanner)
            case .jsonl: report = try JSONLinesReader().read(from: &source, into: &scanner)
            case .text, .parquet: report = ReadReport()
            }
            result.bytes = report.bytesRead
            if report.issueCount > 0 {
                result.status = .partial
                result.reason = report.issues.contains { $0.kind == .nestingTooDeep }
                    ? .jsonNestingLevelOverLimit : .malformedFile
                result.messages = report.issues.map(\.description)
                if report.issueCount > report.issues.count {
                    result.messages.append("\(report.issueCount - report.issues.count) more problem(s) not listed")
                }
            }
        } catch {
            result.status = scanner.delivered == 0 && scanner.nextBase == 0 ? .skipped : .partial
            result.reason = error.code == EACCES ? .permissionDenied : .unableToParseFile
            result.messages.append(error.description)
        }
        sink = scanner.sink
        if !scanner.stopped && releaseHeldFindings(scratch, into: &sink, delivered: &scanner.delivered) == .stop {
            scanner.stopped = true
        }
        result.findings = scanner.delivered
        finish(&result, scratch: scratch, stopped: scanner.stopped)
        return result
    }

    /// Scans one record given as name/value pairs, as an ETL loop has it. Findings get
    /// `.record` locations whose path is `$.name` and whose offset is within the value.
    /// Returns `.stop` if the sink asked to stop.
    public func scan<Sink: FindingSink>(record fields: [(name: String, value: String)], recordIndex: Int,
                                        scratch: ScanScratch, into sink: inout Sink) -> ScanControl {
        // Each call numbers its fields' offsets from 0 again: forget where the previous record's
        // matches ended, or they would hide this record's.
        scratch.resetPositions()
        var scanner = FieldScanner(engine: self, scratch: scratch, sink: sink)
        defer { sink = scanner.sink }
        for (name, value) in fields {
            var value = value
            let keepGoing = value.withUTF8 { utf8 in
                scanner.visit(FieldPiece(bytes: UnsafeRawBufferPointer(utf8),
                                         position: .record(index: recordIndex, path: FieldPath([.name(name)])),
                                         columnName: nil, decodedStart: 0, isFirstPiece: true, isLastPiece: true,
                                         offsets: OffsetMap(rawStart: 0)))
            }
            if !keepGoing { return .stop }
        }
        return .continue
    }

    /// Scans a file: detects its format (by extension and content) unless `format` is given,
    /// then scans it. An unreadable file or an unsupported binary format gives a SKIPPED result,
    /// never an error: the caller goes on with the next object.
    public func scanFile<Sink: FindingSink>(atPath path: String, displayPath: String? = nil, format: FileFormat? = nil,
                                            scratch: ScanScratch, into sink: inout Sink) -> ObjectResult {
        let shown = displayPath ?? path
        let file: FileByteSource
        do {
            file = try FileByteSource(path: path)
        } catch {
            return ObjectResult(path: shown, format: format, status: .skipped,
                                reason: error.code == EACCES ? .permissionDenied : .unableToParseFile,
                                messages: [error.message])
        }
        var source = PrefixedByteSource(file, prefixLength: 64 * 1024)
        do {
            try source.loadPrefix()
        } catch {
            return ObjectResult(path: shown, format: format, status: .skipped, reason: .unableToParseFile,
                                messages: [error.message])
        }
        let detected = format ?? source.prefix.withUnsafeBytes { FileFormat.detect(path: path, prefix: $0) }
        guard let detected else {
            return ObjectResult(path: shown, format: nil, status: .skipped, reason: .unsupportedFileType,
                                messages: ["a binary format this version does not read"], bytes: 0)
        }
        if detected == .parquet {
            do {
                let file = try FileRandomAccessSource(path: path)
                return scanParquet(file, path: shown, scratch: scratch, into: &sink)
            } catch {
                return ObjectResult(path: shown, format: .parquet, status: .skipped,
                                    reason: error.code == EACCES ? .permissionDenied : .unableToParseFile,
                                    messages: [error.message])
            }
        }
        return scan(from: &source, format: detected, path: shown, scratch: scratch, into: &sink)
    }
}

extension ScanEngine {
    /// The largest Parquet object read from a forward-only source (standard input, an archive
    /// member); Parquet needs random access, so such an object is held in memory.
    public static let maxBufferedParquetSize = 1 << 30

    /// Scans a Parquet object from a forward-only source by reading it into memory first.
    func scanParquet<Source: ByteSource, Sink: FindingSink>(
        buffering source: inout Source, path: String, scratch: ScanScratch, into sink: inout Sink
    ) -> ObjectResult {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        do {
            while true {
                let n = try chunk.withUnsafeMutableBytes { buffer throws(ReadError) in try source.read(into: buffer) }
                if n == 0 { break }
                data.append(contentsOf: chunk[..<n])
                if data.count > Self.maxBufferedParquetSize {
                    return ObjectResult(path: path, format: .parquet, status: .skipped, reason: .fileExceedsSizeLimit,
                                        messages: ["Parquet object larger than \(Self.maxBufferedParquetSize) bytes on a stream"])
                }
            }
        } catch {
            return ObjectResult(path: path, format: .parquet, status: .skipped, reason: .unableToParseFile,
                                messages: ["\(error)"])
        }
        return scanParquet(MemoryRandomAccessSource(data), path: path, scratch: scratch, into: &sink)
    }

    /// Scans a Parquet file: each non-null value as text at `.record(index: row, path: $.column)`.
    /// An encrypted file is SKIPPED (UNSUPPORTED_FILE_TYPE); a column with an unsupported codec or
    /// encoding makes the result PARTIAL (UNSUPPORTED_FILE_TYPE), a corrupt one PARTIAL
    /// (MALFORMED_FILE); the other columns are still scanned.
    public func scanParquet<Source: RandomAccessByteSource, Sink: FindingSink>(
        _ source: Source, path: String, scratch: ScanScratch, into sink: inout Sink
    ) -> ObjectResult {
        scratch.resetForObject()
        var scanner = FieldScanner(engine: self, scratch: scratch, sink: sink)
        var result = ObjectResult(path: path, format: .parquet, bytes: source.size)
        do {
            let report = try ParquetReader().read(from: source, into: &scanner)
            result.bytes = report.bytesRead
            if report.issueCount > 0 {
                result.status = .partial
                result.reason = report.issues.contains { $0.kind == .malformed } ? .malformedFile : .unsupportedFileType
                result.messages = report.issues.map(\.description)
                if report.issueCount > report.issues.count {
                    result.messages.append("\(report.issueCount - report.issues.count) more problem(s) not listed")
                }
            }
        } catch {
            result.status = scanner.delivered == 0 && scanner.nextBase == 0 ? .skipped : .partial
            switch error.kind {
            case .unsupported: result.reason = .unsupportedFileType
            case .malformed: result.reason = .malformedFile
            case .open, .read: result.reason = error.code == EACCES ? .permissionDenied : .unableToParseFile
            }
            result.messages.append(error.description)
        }
        sink = scanner.sink
        result.findings = scanner.delivered
        finish(&result, scratch: scratch, stopped: scanner.stopped)
        return result
    }
}
