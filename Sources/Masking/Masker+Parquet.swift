import Detectors
import Records

extension Masker {
    /// Masks a Parquet file into `sink` with the same schema (a `ParquetRewriter` underneath):
    /// column chunks without a change are copied byte for byte; changed chunks are re-encoded
    /// and lose their statistics, page index and bloom filter, which would leak raw values.
    ///
    /// Parquet specifics:
    /// - a row is a record: `remove: record` drops the row (found in a first pass);
    /// - a column rule with `remove: field` drops the column from the schema; a finding whose
    ///   action is `remove: field` nulls its value (the column must be OPTIONAL);
    /// - a value must still fit its column's type: a token in an INT64 column cannot be written,
    ///   and is an error for the value, handled by `onError` (`pass` keeps the value, `drop` and
    ///   `fail` stop the object, since a column cannot lose one row);
    /// - a date shift's subject is looked up in the same row (a first pass reads that column).
    public func maskParquet<Sink: ByteSink>(at input: String, to sink: inout Sink, verify: Bool = false) throws(MaskingIOError) -> ObjectMaskingReport {
        var report = ObjectMaskingReport(path: input, format: .parquet)
        let file: FileRandomAccessSource
        do { file = try FileRandomAccessSource(path: input) } catch { throw .read(error) }
        report.bytesIn = file.size
        var options = ParquetRewriteOptions()
        for rule in policy.rules where rule.action == .transform(.remove(.field)) {
            options.removedColumns.formUnion(rule.columns)
            for path in rule.paths where path.steps.count == 1 {
                if case .name(let name) = path.steps[0] { options.removedColumns.insert(name) }
            }
        }
        // First pass, only when needed: rows to remove, and date-shift subjects by row.
        let removesRecords = policy.rules.contains { $0.action == .transform(.remove(.record)) }
            || policy.defaultAction == .transform(.remove(.record))
        let subjectNames = Set(policy.transforms.compactMap { transform -> String? in
            if case .shiftDate(let shift) = transform { return shift.subject }
            return nil
        })
        var subjects: [String: [Int: String]] = [:]
        if removesRecords || !subjectNames.isEmpty {
            var survey = ParquetSurvey(policy: policy, session: FieldScanSession(engine: engine), removesRecords: removesRecords,
                                       subjectNames: subjectNames)
            do {
                let readReport = try ParquetReader().read(from: file, into: &survey)
                if readReport.issueCount > 0 {
                    report.failure = "cannot be masked: " + (readReport.issues.first?.description ?? "malformed")
                    return report
                }
            } catch {
                throw .read(error)
            }
            options.removedRows = survey.removedRows.sorted()
            subjects = survey.subjects
        }
        session.reset()
        recordRewriter.counts = [:]
        var editor = ParquetFieldEditor(rewriter: recordRewriter, onError: policy.onError)
        if !subjects.isEmpty {
            editor.prepareRow = { rewriter, row in rewriter.subjectOverrides = subjects.compactMapValues { $0[row] } }
        }
        if verify {
            editor.checker = ResidualChecker(policy: policy, session: FieldScanSession(engine: engine))
        }
        editor.rewrite(file, to: &sink, options: options, into: &report)
        report.counts = editor.rewriter.counts
        if let checker = editor.checker {
            report.residualCount = checker.residualCount
            report.residualFindings = checker.residuals
        }
        return report
    }
}

/// Applies a field rewriter (the policy's, or unmasking's) to each Parquet value through a
/// `ParquetRewriter`, the same rewriter as for the other formats.
struct ParquetFieldEditor<Rewriter: FieldRewriter>: ParquetCellEditor {
    var rewriter: Rewriter
    let onError: MaskingPolicy.ErrorHandling
    /// Called before each value with its row (to give a date shift the subject of that row).
    var prepareRow: ((inout Rewriter, Int) -> Void)?
    var checker: ResidualChecker?
    var messages: [String] = []
    var problemCount = 0
    var failure: String?

    init(rewriter: Rewriter, onError: MaskingPolicy.ErrorHandling) {
        self.rewriter = rewriter
        self.onError = onError
    }

    /// Rewrites `file` into `sink` and fills `report`'s records and problems (the rewriter's
    /// counts are the caller's to read). A value that fails is an error for the object unless
    /// `onError` is `pass`: a column cannot lose one row.
    mutating func rewrite<Sink: ByteSink>(_ file: FileRandomAccessSource, to sink: inout Sink,
                                          options: ParquetRewriteOptions, into report: inout ObjectMaskingReport) {
        let result: ParquetRewriteReport
        do {
            result = try ParquetRewriter().rewrite(file, to: &sink, editor: &self, options: options)
        } catch {
            report.failure = "cannot be rewritten: \(error.description)"
            return
        }
        report.records.in = result.rowsIn
        report.records.out = result.rowsOut
        report.records.dropped = result.rowsIn - result.rowsOut
        report.messages = messages + result.issues
        report.problemCount = problemCount + result.issues.count
        report.records.failed = problemCount
        report.records.passedThrough = onError == .pass ? problemCount : 0
        if let failure { report.failure = failure }
    }

    mutating func edit(_ value: UnsafeRawBufferPointer, position: FieldPosition, columnName: String?) -> ParquetCellEdit {
        guard failure == nil else { return .keep }
        let field = RecordField(position: position, columnName: columnName, isName: false, value: Array(value),
                                raw: 0..<value.count, quoted: false)
        if let prepareRow, case .record(let row, _) = position { prepareRow(&rewriter, row) }
        rewriter.beginRecord([], format: .parquet)
        let edit: ParquetCellEdit
        do {
            switch try rewriter.rewrite(field, context: []) {
            case .unchanged: edit = .keep
            case .replace(let bytes): edit = .replace(bytes)
            case .removeField, .removeRecord: edit = .null
            }
        } catch {
            problemCount += 1
            let row: Int
            if case .record(let index, _) = position { row = index } else { row = 0 }
            let message = "row \(row): \(error.message)"
            if messages.count < 100 { messages.append(message) }
            if onError != .pass { failure = message }
            return .keep
        }
        if var checker {
            checker.expected = rewriter.expectedOutputs
            var output = field
            if case .replace(let bytes) = edit { output.value = bytes }
            if edit != .null { _ = try? checker.rewrite(output, context: []) }
            self.checker = checker
        }
        return edit
    }
}

/// The first pass over a Parquet file: rows with a finding (or a field rule) that removes the
/// record, and the values of date-shift subject columns by row.
struct ParquetSurvey: FieldVisitor {
    let policy: MaskingPolicy
    let session: FieldScanSession
    let removesRecords: Bool
    let subjectNames: Set<String>
    var removedRows: Set<Int> = []
    var subjects: [String: [Int: String]] = [:]
    private var pending: [UInt8] = []

    init(policy: MaskingPolicy, session: FieldScanSession, removesRecords: Bool, subjectNames: Set<String>) {
        self.policy = policy
        self.session = session
        self.removesRecords = removesRecords
        self.subjectNames = subjectNames
    }

    mutating func visit(_ piece: FieldPiece) -> Bool {
        if piece.isFirstPiece { pending.removeAll(keepingCapacity: true) }
        pending.append(contentsOf: piece.bytes)
        guard piece.isLastPiece, case .record(let row, let path) = piece.position else { return true }
        for name in subjectNames {
            let pattern = name.hasPrefix("$") ? PathPattern(name) : PathPattern(topLevel: name)
            if let pattern, pattern.steps.count == path.elements.count, pattern.selects(path) {
                subjects[name, default: [:]][row] = String(decoding: pending, as: UTF8.self)
            }
        }
        guard removesRecords, !removedRows.contains(row) else { return true }
        if let action = policy.action(forPath: path) {
            if action == .transform(.remove(.record)) { removedRows.insert(row) }
            return true
        }
        for finding in session.scan(pending, position: piece.position, columnName: piece.columnName)
        where policy.action(forType: finding.type, category: finding.category) == .transform(.remove(.record)) {
            removedRows.insert(row)
            break
        }
        return true
    }
}
