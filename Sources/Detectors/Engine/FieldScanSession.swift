import Records

/// Scans field values one at a time, as a record rewriter needs: each call returns the
/// findings of one value, with offsets and lengths in bytes within that value (a `.cell` or
/// `.record` location, by the position given).
///
/// The session keeps the engine's per-object state between calls (one identifier's matches
/// never overlap, field names are cached), so a session is one object: make a new one, or call
/// `reset()`, for the next object. Findings are delivered at once, never held: custom
/// identifiers with severity levels are reported when their count settles, so a masking engine
/// is built with severity levels cleared (`MaskingPolicy.scanConfiguration`); with levels, a
/// finding of such an identifier could come back from a later call or not at all.
///
/// ```swift
/// let session = FieldScanSession(engine: engine)
/// for (column, value) in row {
///     let found = session.scan(value, position: .cell(row: n, column: column), columnName: names[column])
///     ...
/// }
/// ```
public final class FieldScanSession {
    public let engine: ScanEngine
    private let scratch: ScanScratch
    private var scanner: FieldScanner<FindingCollector>

    public init(engine: ScanEngine) {
        self.engine = engine
        self.scratch = engine.makeScratch()
        scratch.resetForObject()
        self.scanner = FieldScanner(engine: engine, scratch: scratch, sink: FindingCollector())
    }

    /// Forgets the current object (call between objects).
    public func reset() {
        scratch.resetForObject()
        scanner = FieldScanner(engine: engine, scratch: scratch, sink: FindingCollector())
    }

    /// The findings in `value`, in order of position. `columnName` (a CSV header cell) and the
    /// names on a `.record` path count as keywords, as in a whole-object scan; `isName` says
    /// the value is itself a header cell or a JSON key.
    public func scan(_ value: UnsafeRawBufferPointer, position: FieldPosition, columnName: String?,
                     isName: Bool = false) -> [Finding] {
        _ = scanner.visit(FieldPiece(bytes: value, position: position, columnName: columnName, decodedStart: 0,
                                     isFirstPiece: true, isLastPiece: true, offsets: OffsetMap(rawStart: 0),
                                     isName: isName))
        defer { scanner.sink.findings.removeAll(keepingCapacity: true) }
        return scanner.sink.findings
    }

    /// The findings in the bytes of `value`.
    public func scan(_ value: [UInt8], position: FieldPosition, columnName: String?, isName: Bool = false) -> [Finding] {
        value.withUnsafeBytes { scan($0, position: position, columnName: columnName, isName: isName) }
    }
}
