import Records

/// What becomes of one field.
enum FieldOutcome {
    case unchanged
    /// A new decoded value (encoded for the format by the rewriter).
    case replace([UInt8])
    /// The whole field: a JSON member, a CSV cell's content, a text line's content.
    case removeField
    case removeRecord
}

/// Why a record could not be rewritten; never holds a value.
struct RecordFailure: Error {
    var message: String
}

/// Decides what happens to each field of a record: the masker applies a policy, the unmasker
/// reverses format-preserving encryption. The rewriter does the rest (framing, parsing,
/// encoding, error handling) the same way for both.
protocol FieldRewriter {
    /// Called before the fields of each record (`fields` are all of them, for lookups such as a
    /// date shift's subject).
    mutating func beginRecord(_ fields: [RecordField], format: FileFormat)
    /// `context` is text before the field that counts for keywords (the end of the previous
    /// lines, for text); findings must start in the field itself.
    mutating func rewrite(_ field: RecordField, context: [UInt8]) throws(RecordFailure) -> FieldOutcome
    /// For CSV/TSV: the columns (from 1) to remove from every row, given the header's names.
    mutating func removedColumns(header: [String]) -> Set<Int>
    /// Outputs of the current record that may look like findings by design (format-preserving
    /// encryption, shifted dates): verification does not count them.
    var expectedOutputs: Set<[UInt8]> { get }
}

/// Scans each output record again, parsed anew, for `--verify`.
final class Verifier {
    var rewriter: RecordRewriter<ResidualChecker>
    private var discard = DiscardingSink()

    init(_ rewriter: RecordRewriter<ResidualChecker>) {
        self.rewriter = rewriter
        self.rewriter.scanFailedRecordsAsText = true
    }

    func check(_ record: UnsafeRawBufferPointer, expected: Set<[UInt8]>) {
        rewriter.rewriter.expected = expected
        // Writing to a discarding sink cannot fail.
        try? rewriter.rewriteRecord(record, index: rewriter.counts.in, to: &discard)
    }

    func check(_ record: [UInt8], expected: Set<[UInt8]>) {
        record.withUnsafeBytes { check($0, expected: expected) }
    }
}

struct DiscardingSink: ByteSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) {}
    mutating func flush() throws(WriteError) {}
}

/// The counts of one object's rewrite; the manifest's `records` and lineage fields.
public struct RecordCounts: Sendable, Hashable, Codable {
    /// Records read (CSV: rows including the header; JSON: documents; text: lines).
    public var `in`: Int = 0
    /// Records written, whether changed or not.
    public var out: Int = 0
    /// Records left out: by a `remove: record` transform or by `onError: drop`.
    public var dropped: Int = 0
    /// Records that could not be masked and were written unchanged (`onError: pass`).
    public var passedThrough: Int = 0
    /// Records that could not be read or masked (counted in `dropped` or `passedThrough` too, or
    /// stopping the object with `onError: fail`).
    public var failed: Int = 0

    public init() {}
}

/// Rewrites a stream record by record.
struct RecordRewriter<Rewriter: FieldRewriter> {
    var rewriter: Rewriter
    let format: FileFormat
    let onError: MaskingPolicy.ErrorHandling
    let maxRecordBytes: Int
    /// Bytes of the previous text lines kept for keyword context.
    let textContext: Int
    var counts = RecordCounts()
    /// Problems, each naming its record; at most `maxMessages` kept, `problemCount` counts all.
    var messages: [String] = []
    var problemCount = 0
    static var maxMessages: Int { 100 }
    /// Set when `onError: fail` stopped the object.
    var failure: String?
    /// With `--verify`: checks every record written.
    var verifier: Verifier?
    /// Set for verification: a record that does not parse is scanned as text.
    var scanFailedRecordsAsText = false

    private var removedColumns: Set<Int> = []
    private var sawHeader = false
    private var previousText: [UInt8] = []
    private var csvSeparator: UInt8 {
        format == .tsv ? UInt8(ascii: "\t") : UInt8(ascii: ",")
    }

    init(rewriter: Rewriter, format: FileFormat, onError: MaskingPolicy.ErrorHandling, maxRecordBytes: Int, textContext: Int) {
        self.rewriter = rewriter
        self.format = format
        self.onError = onError
        self.maxRecordBytes = maxRecordBytes
        self.textContext = textContext
    }

    /// Rewrites `source` into `sink`. With `flushEachRecord`, the sink is flushed after every
    /// record (a filter in a pipeline). Returns normally when the object is done or when
    /// `onError: fail` stopped it (`failure` set); throws only when reading or writing fails.
    mutating func run<Source: ByteSource, Sink: ByteSink>(from source: inout Source, to sink: inout Sink, flushEachRecord: Bool)
        throws(MaskingIOError) -> Int {
        let kind: RecordFramer<Source>.Kind
        switch format {
        case .csv, .tsv: kind = .csv(separator: csvSeparator)
        case .text: kind = .lines(pem: true)
        case .jsonl: kind = .lines(pem: false)
        case .json: kind = .lines(pem: false)  // not used: a document is read whole below
        case .parquet: return 0
        }
        var framer = RecordFramer(source: source, kind: kind, maxRecordBytes: format == .json ? Int.max : maxRecordBytes)
        defer { source = framer.source }
        var oversizedDecision: MaskingPolicy.ErrorHandling = .pass
        var documentBytes: [UInt8] = []
        var documentOversized = false
        while true {
            let event: RecordFramer<Source>.Event
            do { event = try framer.next() } catch { throw .read(error) }
            switch event {
            case .end:
                if format == .json {
                    let count = documentBytes.count
                    guard count > 0, !documentOversized else {
                        try flush(&sink)
                        return framer.bytesRead
                    }
                    do {
                        let document = documentBytes
                        documentBytes = []
                        let result = document.withUnsafeBytes { raw in
                            Result { () throws(MaskingIOError) in try rewriteRecord(raw, index: 0, to: &sink) }
                        }
                        try result.get()
                    }
                    try flush(&sink)
                }
                return framer.bytesRead
            case .record(let bytes, _):
                if format == .json {
                    // A JSON document is one record: held whole, up to the record limit.
                    if documentOversized {
                        if onError == .pass { try write(bytes, to: &sink) }
                        continue
                    }
                    documentBytes.append(contentsOf: bytes)
                    if documentBytes.count > maxRecordBytes {
                        documentOversized = true
                        counts.in += 1
                        try handleFailure(record: 0, "larger than the \(maxRecordBytes)-byte record limit (limits.recordBytes)",
                                          original: UnsafeRawBufferPointer(start: nil, count: 0), to: &sink, write: false)
                        if failure != nil { return framer.bytesRead }
                        if onError == .pass { try write(documentBytes, to: &sink) }
                        documentBytes = []
                    }
                    continue
                }
                let index = counts.in
                try rewriteRecord(bytes, index: index, to: &sink)
                if failure != nil { return framer.bytesRead }
                if flushEachRecord { try flush(&sink) }
            case .oversized(let part, _, let isFirst, let isLast):
                if isFirst {
                    let index = counts.in
                    counts.in += 1
                    oversizedDecision = onError
                    try handleFailure(record: index, "longer than the \(maxRecordBytes)-byte record limit (limits.recordBytes)",
                                      original: UnsafeRawBufferPointer(start: nil, count: 0), to: &sink, write: false)
                    if failure != nil { return framer.bytesRead }
                }
                if oversizedDecision == .pass { try write(part, to: &sink) }
                if isLast && flushEachRecord { try flush(&sink) }
            }
        }
    }

    private func write<Sink: ByteSink>(_ bytes: UnsafeRawBufferPointer, to sink: inout Sink) throws(MaskingIOError) {
        do { try sink.write(bytes) } catch { throw .write(error) }
    }

    private func write<Sink: ByteSink>(_ bytes: [UInt8], to sink: inout Sink) throws(MaskingIOError) {
        do { try sink.write(bytes) } catch { throw .write(error) }
    }

    private func flush<Sink: ByteSink>(_ sink: inout Sink) throws(MaskingIOError) {
        do { try sink.flush() } catch { throw .write(error) }
    }

    /// Counts and reports a record that could not be masked, then passes, drops or fails it.
    private mutating func handleFailure<Sink: ByteSink>(record index: Int, _ message: String, original: UnsafeRawBufferPointer,
                                                        to sink: inout Sink, write shouldWrite: Bool = true) throws(MaskingIOError) {
        counts.failed += 1
        problemCount += 1
        let text = "\(recordName) \(recordNumber(index)): \(message)"
        if messages.count < Self.maxMessages { messages.append(text) }
        switch onError {
        case .pass:
            counts.passedThrough += 1
            counts.out += 1
            if shouldWrite {
                try write(original, to: &sink)
                verifier?.check(original, expected: [])
            }
        case .drop:
            counts.dropped += 1
        case .fail:
            failure = text
        }
    }

    private var recordName: String {
        switch format {
        case .csv, .tsv: return "row"
        case .text: return "line"
        case .json: return "document"
        case .jsonl, .parquet: return "record"
        }
    }

    /// Records are numbered as `piiscan scan` locates them: CSV rows and text lines from 1,
    /// JSON Lines records from 0.
    private func recordNumber(_ index: Int) -> Int {
        switch format {
        case .csv, .tsv, .text: return index + 1
        default: return index
        }
    }

    // MARK: One record

    mutating func rewriteRecord<Sink: ByteSink>(_ record: UnsafeRawBufferPointer, index: Int, to sink: inout Sink) throws(MaskingIOError) {
        counts.in += 1
        let result: Result<[UInt8]?, RecordFailure>
        switch format {
        case .csv, .tsv: result = rewriteCSV(record, index: index)
        case .jsonl, .json: result = rewriteJSON(record, index: index)
        case .text: result = rewriteText(record, index: index)
        case .parquet: result = .success(nil)
        }
        switch result {
        case .success(let output?):
            counts.out += 1
            try write(output, to: &sink)
            verifier?.check(output, expected: rewriter.expectedOutputs)
        case .success(nil):
            counts.dropped += 1
        case .failure(let failure):
            if scanFailedRecordsAsText {
                // Verification: a record that does not parse is still looked at, as text.
                let field = RecordField(position: .record(index: index, path: FieldPath()), columnName: nil, isName: false,
                                        value: Array(record), raw: 0..<record.count, quoted: false)
                _ = try? rewriter.rewrite(field, context: [])
            }
            try handleFailure(record: index, failure.message, original: record, to: &sink)
        }
    }

    private mutating func rewriteCSV(_ record: UnsafeRawBufferPointer, index: Int) -> Result<[UInt8]?, RecordFailure> {
        var bom = 0
        if index == 0, record.count >= 3, record[0] == 0xEF, record[1] == 0xBB, record[2] == 0xBF { bom = 3 }
        let body = UnsafeRawBufferPointer(rebasing: record[bom...])
        let parsed = CSVRecordCells(body, separator: csvSeparator)
        if let at = parsed.malformedAt {
            return .failure(RecordFailure(message: "text after a closing quote at byte \(at + 1) of the row"))
        }
        let isHeader = !sawHeader
        if isHeader {
            sawHeader = true
            headerNames = parsed.cells.map { String(decoding: $0.value, as: UTF8.self) }
            removedColumns = rewriter.removedColumns(header: headerNames)
        }
        var fields: [RecordField] = []
        fields.reserveCapacity(parsed.cells.count)
        for (i, cell) in parsed.cells.enumerated() where !cell.value.isEmpty {
            let column = i + 1
            let contentStart = cell.quoted ? cell.raw.lowerBound + 1 : cell.raw.lowerBound
            fields.append(RecordField(position: .cell(row: index + 1, column: column),
                                      columnName: isHeader ? nil : (i < headerNames.count ? headerNames[i] : nil),
                                      isName: isHeader, value: cell.value, raw: contentStart..<contentStart, quoted: cell.quoted,
                                      column: column))
        }
        rewriter.beginRecord(fields, format: format)
        var replacements: [Int: [UInt8]] = [:]
        for field in fields {
            guard let column = field.column else { continue }
            let outcome: FieldOutcome
            do { outcome = try rewriter.rewrite(field, context: []) } catch { return .failure(error) }
            // A removed column's cells are still seen, so they are counted.
            if removedColumns.contains(column) { continue }
            switch outcome {
            case .unchanged: continue
            case .replace(let value): replacements[column] = value
            case .removeField: replacements[column] = []
            case .removeRecord: return .success(nil)
            }
        }
        if replacements.isEmpty && removedColumns.isEmpty { return .success(Array(record)) }
        var out: [UInt8] = Array(record[0..<bom])
        out.reserveCapacity(record.count + 16)
        var first = true
        for (i, cell) in parsed.cells.enumerated() {
            let column = i + 1
            if removedColumns.contains(column) { continue }
            if !first { out.append(csvSeparator) }
            first = false
            if let value = replacements[column] {
                out += CSVRecordCells.encode(value, quoted: cell.quoted, separator: csvSeparator)
            } else {
                out += body[cell.raw]
            }
        }
        out += body[parsed.contentEnd...]
        return .success(out)
    }

    private var headerNames: [String] = []

    private mutating func rewriteJSON(_ record: UnsafeRawBufferPointer, index: Int) -> Result<[UInt8]?, RecordFailure> {
        if format == .jsonl, record.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) {
            return .success(Array(record))
        }
        let (fields, issues) = JSONRecordFields.parse(record, index: index, document: format == .json)
        if issues > 0 {
            return .failure(RecordFailure(message: format == .json ? "not valid JSON" : "not a valid JSON value"))
        }
        rewriter.beginRecord(fields, format: format)
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        var removals: [RecordField] = []
        for field in fields where !field.isName {
            let outcome: FieldOutcome
            do { outcome = try rewriter.rewrite(field, context: []) } catch { return .failure(error) }
            switch outcome {
            case .unchanged: continue
            case .replace(let value):
                if field.quoted {
                    edits.append((field.raw, JSONText.escape(value)))
                } else if JSONText.isNumber(value) {
                    edits.append((field.raw, value))
                } else {
                    edits.append((field.raw, [UInt8(ascii: "\"")] + JSONText.escape(value) + [UInt8(ascii: "\"")]))
                }
            case .removeField: removals.append(field)
            case .removeRecord: return .success(nil)
            }
        }
        // Keys are masked too (a key can hold a value: {"alice@example.com": 3}).
        for field in fields where field.isName {
            let outcome: FieldOutcome
            do { outcome = try rewriter.rewrite(field, context: []) } catch { return .failure(error) }
            switch outcome {
            case .unchanged, .removeField: continue
            case .replace(let value): edits.append((field.raw, JSONText.escape(value)))
            case .removeRecord: return .success(nil)
            }
        }
        if edits.isEmpty && removals.isEmpty { return .success(Array(record)) }
        for span in memberSpans(removals, in: record) { edits.append((span, [])) }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out: [UInt8] = []
        out.reserveCapacity(record.count + 32)
        var cursor = 0
        for edit in edits {
            // A replaced value inside a removed member goes with the member.
            if edit.range.lowerBound < cursor { continue }
            out += record[cursor..<edit.range.lowerBound]
            out += edit.bytes
            cursor = edit.range.upperBound
        }
        out += record[cursor...]
        return .success(out)
    }

    /// The spans to delete for removed members: the key, the value and one comma, so the
    /// object or array stays valid (a member takes the comma before it, or the one after it
    /// when it is first or the comma before is already taken).
    private func memberSpans(_ fields: [RecordField], in record: UnsafeRawBufferPointer) -> [Range<Int>] {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var spans: [Range<Int>] = []
        var takenCommas: Set<Int> = []
        for field in fields.sorted(by: { $0.raw.lowerBound < $1.raw.lowerBound }) {
            var start = field.memberStart ?? (field.quoted ? field.raw.lowerBound - 1 : field.raw.lowerBound)
            var end = field.quoted ? min(record.count, field.raw.upperBound + 1) : field.raw.upperBound
            var before = start - 1
            while before >= 0, isSpace(record[before]) { before -= 1 }
            if before >= 0, record[before] == UInt8(ascii: ","), !takenCommas.contains(before) {
                takenCommas.insert(before)
                start = before
            } else {
                var after = end
                while after < record.count, isSpace(record[after]) { after += 1 }
                if after < record.count, record[after] == UInt8(ascii: ",") {
                    takenCommas.insert(after)
                    end = after + 1
                }
            }
            if let last = spans.last, last.upperBound > start {
                spans[spans.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                spans.append(start..<end)
            }
        }
        return spans
    }

    private mutating func rewriteText(_ record: UnsafeRawBufferPointer, index: Int) -> Result<[UInt8]?, RecordFailure> {
        var end = record.count
        if end > 0, record[end - 1] == 0x0A { end -= 1 }
        if end > 0, record[end - 1] == 0x0D { end -= 1 }
        let content = Array(record[0..<end])
        defer {
            previousText += content
            previousText.append(0x0A)
            if previousText.count > textContext { previousText.removeFirst(previousText.count - textContext) }
        }
        guard !content.isEmpty else { return .success(Array(record)) }
        let field = RecordField(position: .record(index: index, path: FieldPath()), columnName: nil, isName: false,
                                value: content, raw: 0..<end, quoted: false)
        rewriter.beginRecord([field], format: format)
        let outcome: FieldOutcome
        do { outcome = try rewriter.rewrite(field, context: previousText) } catch { return .failure(error) }
        switch outcome {
        case .unchanged: return .success(Array(record))
        case .replace(let value): return .success(value + record[end...])
        case .removeField: return .success(Array(record[end...]))
        case .removeRecord: return .success(nil)
        }
    }
}

/// A failure to read the input or write the output: the object stops.
public enum MaskingIOError: Error, Sendable, CustomStringConvertible {
    case read(ReadError)
    case write(WriteError)

    public var description: String {
        switch self {
        case .read(let e): return "cannot read: \(e.description)"
        case .write(let e): return "cannot write: \(e.description)"
        }
    }
}
