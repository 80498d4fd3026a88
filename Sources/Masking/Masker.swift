import Detectors
import Records

/// Masks objects and records with a policy: the library behind `piiscan mask`.
///
/// A `Masker` holds a scan session, so use one per thread (the engine inside is shared and
/// immutable; make more maskers with `Masker(policy:key:engine:)` to share it).
///
/// ```swift
/// let policy = try MaskingPolicy(contentsOf: "policy.yaml")
/// let key = try MaskingKey(environmentVariable: "PIISCAN_KEY")
/// let masker = try Masker(policy: policy, key: key)
/// for row in rows {                       // a Swift ETL loop
///     guard let masked = try masker.mask(record: row) else { continue }   // nil: removed
///     load(masked)
/// }
/// ```
public final class Masker {
    public let policy: MaskingPolicy
    public let engine: ScanEngine
    public let transformer: ValueTransformer
    /// The key's ID (never the key), for manifests; nil when the policy needs no key.
    public let keyID: String?
    let session: FieldScanSession
    var recordRewriter: PolicyFieldRewriter

    /// Builds the engine from the policy's scan configuration over `catalog`.
    /// - Throws: `MaskingSetupError` when the configuration does not build or the policy needs
    ///   a key and none is given.
    public convenience init(policy: MaskingPolicy, key: MaskingKey?, catalog: [ManagedIdentifier] = ManagedIdentifiers.all,
                            base: ScanConfiguration = ScanConfiguration()) throws(MaskingSetupError) {
        let engine: ScanEngine
        do {
            engine = try ScanEngine(configuration: policy.scanConfiguration(base: base), catalog: catalog)
        } catch {
            throw MaskingSetupError(message: error.description)
        }
        try self.init(policy: policy, key: key, engine: engine)
    }

    /// Uses an engine built elsewhere (share one among threads). Build it from
    /// `policy.scanConfiguration()` so custom identifiers are never held back.
    public init(policy: MaskingPolicy, key: MaskingKey?, engine: ScanEngine) throws(MaskingSetupError) {
        if policy.needsKey && key == nil {
            throw MaskingSetupError(message: "the policy hashes, tokenizes, encrypts or shifts dates, so it needs a key: "
                                    + "give a key file or an environment variable (see `key:` in the policy)")
        }
        self.policy = policy
        self.engine = engine
        self.transformer = ValueTransformer(key: key)
        self.keyID = policy.needsKey ? key?.id : nil
        self.session = FieldScanSession(engine: engine)
        self.recordRewriter = PolicyFieldRewriter(policy: policy, transformer: transformer, session: session)
    }

    // MARK: Streams and files

    /// Masks a CSV, TSV, JSON, JSON Lines or text object from `source` into `sink`, record by
    /// record. With `flushEachRecord` the sink is flushed after every record (a filter in a
    /// pipeline). With `hashInput`, the report has the input's SHA-256. With `verify`, every output record is scanned again (as written, parsed anew)
    /// and findings of a masked kind that remain are reported in `residualFindings`.
    ///
    /// Records that cannot be read or masked follow the policy's `onError`; a read or write
    /// failure throws. Parquet needs random access: use `maskParquet`.
    public func mask<Source: ByteSource, Sink: ByteSink>(_ source: Source, format: FileFormat, path: String,
                                                         to sink: inout Sink, flushEachRecord: Bool = false,
                                                         verify: Bool = false, hashInput: Bool = false) throws(MaskingIOError) -> ObjectMaskingReport {
        session.reset()
        var report = ObjectMaskingReport(path: path, format: format)
        recordRewriter.counts = [:]
        var rewriter = RecordRewriter(rewriter: recordRewriter, format: format, onError: policy.onError,
                                      maxRecordBytes: policy.maxRecordBytes, textContext: Self.textContextBytes)
        if verify {
            let checker = ResidualChecker(policy: policy, session: FieldScanSession(engine: engine))
            rewriter.verifier = Verifier(RecordRewriter(rewriter: checker, format: format, onError: .pass,
                                                        maxRecordBytes: Int.max, textContext: Self.textContextBytes))
        }
        let bytesIn: Int
        if hashInput {
            var hashing = HashingByteSource(source)
            bytesIn = try rewriter.run(from: &hashing, to: &sink, flushEachRecord: flushEachRecord)
            report.inputSHA256 = hashing.sha256
        } else {
            var source = source
            bytesIn = try rewriter.run(from: &source, to: &sink, flushEachRecord: flushEachRecord)
        }
        if let verifier = rewriter.verifier {
            report.residualFindings = verifier.rewriter.rewriter.residuals
            report.residualCount = verifier.rewriter.rewriter.residualCount
        }
        report.bytesIn = bytesIn
        report.records = rewriter.counts
        report.counts = rewriter.rewriter.counts
        report.messages = rewriter.messages
        report.problemCount = rewriter.problemCount
        report.failure = rewriter.failure
        return report
    }

    /// Keyword context carried across text lines: more than the engine's keyword distance
    /// (at most 300 bytes) and the longest keyword.
    static let textContextBytes = 512

    // MARK: Records in code

    /// Masks one record given as name/value pairs, as an ETL loop has it. Field rules match
    /// names as columns (and `$.name` paths). Returns nil when the policy removes the record;
    /// a removed field is left out of the result.
    /// - Throws: `MaskingRecordError` naming the field when a transform rejects a value.
    public func mask(record: [(name: String, value: String)], index: Int = 0) throws(MaskingRecordError) -> [(name: String, value: String)]? {
        let fields = record.map { pair in
            RecordField(position: .record(index: index, path: FieldPath([.name(pair.name)])), columnName: nil, isName: false,
                        value: Array(pair.value.utf8), raw: 0..<0, quoted: true)
        }
        recordRewriter.beginRecord(fields, format: .jsonl)
        var result: [(name: String, value: String)] = []
        for (pair, field) in zip(record, fields) {
            let outcome: FieldOutcome
            do { outcome = try recordRewriter.rewrite(field, context: []) } catch {
                throw MaskingRecordError(message: "record \(index): " + error.message)
            }
            switch outcome {
            case .unchanged: result.append(pair)
            case .replace(let bytes): result.append((pair.name, String(decoding: bytes, as: UTF8.self)))
            case .removeField: continue
            case .removeRecord: return nil
            }
        }
        return result
    }

    /// Masks free text (findings only; field rules do not apply). Returns nil when a
    /// `remove: record` rule matched.
    public func mask(text: String) throws(MaskingRecordError) -> String? {
        var sink = MemoryByteSink()
        let source = MemoryByteSource(text)
        let report: ObjectMaskingReport
        do {
            report = try mask(source, format: .text, path: "-", to: &sink)
        } catch {
            throw MaskingRecordError(message: error.description)
        }
        if let failure = report.failure { throw MaskingRecordError(message: failure) }
        return sink.text
    }

    /// The counts of `mask(record:)` calls so far, by identifier (or field) and transform.
    public var recordCounts: [String: [String: Int]] { recordRewriter.counts }
}

/// What masking one object did.
public struct ObjectMaskingReport: Sendable {
    public var path: String
    public var format: FileFormat
    public var records = RecordCounts()
    /// Bytes read from the input.
    public var bytesIn = 0
    /// The input's SHA-256 (lower-case hex), when asked for.
    public var inputSHA256: String?
    /// `counts[type][transform]`: findings by identifier, field rules as `column:NAME` or
    /// `path:$.a`, and the transform applied (`keep` for values left as they were).
    public var counts: [String: [String: Int]] = [:]
    /// Problems, each naming its record (at most 100; `problemCount` counts all).
    public var messages: [String] = []
    public var problemCount = 0
    /// Set when `onError: fail` stopped the object: the problem, naming the record.
    public var failure: String?
    /// With `verify`: findings of a masked kind left in the output, as `TYPE at PLACE` (no value).
    public var residualFindings: [String] = []
    public var residualCount = 0

    public init(path: String, format: FileFormat) {
        self.path = path
        self.format = format
    }
}

public struct MaskingSetupError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public struct MaskingRecordError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Checks output records for findings a policy should have masked.
struct ResidualChecker: FieldRewriter {
    let policy: MaskingPolicy
    let session: FieldScanSession
    var expected: Set<[UInt8]> = []
    var expectedOutputs: Set<[UInt8]> { [] }
    var residuals: [String] = []
    var residualCount = 0

    mutating func beginRecord(_ fields: [RecordField], format: FileFormat) {}

    func removedColumns(header: [String]) -> Set<Int> { [] }

    mutating func rewrite(_ field: RecordField, context: [UInt8]) throws(RecordFailure) -> FieldOutcome {
        let ruleAction: MaskingPolicy.Action?
        switch field.position {
        case .cell: ruleAction = field.isName ? nil : field.columnName.flatMap { policy.action(forColumn: $0) }
        case .record(_, let path): ruleAction = field.isName || path.elements.isEmpty ? nil : policy.action(forPath: path)
        }
        if let ruleAction {
            switch ruleAction {
            case .keep, .transform(.encrypt), .transform(.shiftDate): return .unchanged
            default: break
            }
        }
        let scanned = context + field.value
        for finding in session.scan(scanned, position: field.position, columnName: field.columnName, isName: field.isName)
        where finding.location.offset >= context.count {
            if ruleAction == nil, policy.action(forType: finding.type, category: finding.category) == .keep { continue }
            let start = finding.location.offset
            let end = min(scanned.count, start + finding.location.length)
            if expected.contains(Array(scanned[start..<end])) { continue }
            residualCount += 1
            if residuals.count < 100 {
                residuals.append("\(finding.type) at \(Self.place(field))")
            }
        }
        return .unchanged
    }

    static func place(_ field: RecordField) -> String {
        switch field.position {
        case .cell(let row, let column): return "row \(row), column \(column)"
        case .record(let index, let path):
            return path.elements.isEmpty ? "line \(index + 1)" : "record \(index), \(path.description)"
        }
    }
}
