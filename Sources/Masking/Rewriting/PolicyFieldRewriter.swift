import Detectors
import Records

/// Applies a policy to the fields of records: field rules to whole values, finding rules to
/// the spans the engine finds. Counts what it did by identifier (or field) and transform.
struct PolicyFieldRewriter: FieldRewriter {
    let policy: MaskingPolicy
    let transformer: ValueTransformer
    let session: FieldScanSession
    /// `counts[type][transform]`: for findings the identifier, for field rules `column:NAME` or
    /// `path:$.a.b`.
    var counts: [String: [String: Int]] = [:]
    /// Outputs of transforms whose result may legitimately look like a finding again
    /// (format-preserving encryption, a shifted date), in the current record, for `--verify`.
    var expectedOutputs: Set<[UInt8]> = []
    private var fields: [RecordField] = []
    private var subjects: [String: String?] = [:]
    /// Subject values given from outside the record (Parquet: read in a first pass, by row).
    var subjectOverrides: [String: String] = [:]

    init(policy: MaskingPolicy, transformer: ValueTransformer, session: FieldScanSession) {
        self.policy = policy
        self.transformer = transformer
        self.session = session
    }

    mutating func beginRecord(_ fields: [RecordField], format: FileFormat) {
        self.fields = fields
        subjects.removeAll(keepingCapacity: true)
        expectedOutputs.removeAll(keepingCapacity: true)
    }

    func removedColumns(header: [String]) -> Set<Int> {
        var removed: Set<Int> = []
        for (i, name) in header.enumerated() where policy.action(forColumn: name) == .transform(.remove(.field)) {
            removed.insert(i + 1)
        }
        return removed
    }

    /// The field rule for a field, with the name its counts go under and the name that stands
    /// for the identifier in labels and token prefixes (the column, or the path's last name).
    func fieldRule(_ field: RecordField) -> (action: MaskingPolicy.Action, label: String, name: String)? {
        guard !field.isName else { return nil }
        switch field.position {
        case .cell:
            guard let name = field.columnName, let action = policy.action(forColumn: name) else { return nil }
            return (action, "column:" + name, name)
        case .record(_, let path):
            guard !path.elements.isEmpty, let action = policy.action(forPath: path) else { return nil }
            if case .name(let first)? = path.elements.first, policy.action(forColumn: first) != nil {
                return (action, "column:" + first, path.names.last ?? first)
            }
            return (action, "path:" + path.description, path.names.last ?? path.description)
        }
    }

    mutating func rewrite(_ field: RecordField, context: [UInt8]) throws(RecordFailure) -> FieldOutcome {
        if let (action, label, name) = fieldRule(field) {
            count(label, action)
            guard case .transform(let transform) = action else { return .unchanged }
            switch transform {
            case .remove(.value): return .replace([])
            case .remove(.field): return .removeField
            case .remove(.record): return .removeRecord
            default:
                let output = try apply(transform, to: field.value[...], type: name, field: field)
                return .replace(output)
            }
        }
        let findings: [Finding]
        if context.isEmpty {
            findings = session.scan(field.value, position: field.position, columnName: field.columnName, isName: field.isName)
        } else {
            let all = session.scan(context + field.value, position: field.position, columnName: field.columnName,
                                   isName: field.isName)
            findings = all.compactMap { finding in
                guard finding.location.offset >= context.count else { return nil }
                var shifted = finding
                shifted.location = Self.shift(finding.location, by: -context.count)
                return shifted
            }
        }
        guard !findings.isEmpty else { return .unchanged }
        // Overlapping findings (a card number inside a longer match) are masked as one span,
        // with the action of the one that starts first (the longest at the same start), so no
        // byte of any finding is left.
        var spans: [(range: Range<Int>, finding: Finding)] = []
        for finding in findings.sorted(by: { ($0.location.offset, -$0.location.length) < ($1.location.offset, -$1.location.length) }) {
            let start = finding.location.offset
            let end = min(field.value.count, start + finding.location.length)
            guard start < end else { continue }
            if let last = spans.last, last.range.upperBound > start {
                spans[spans.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, end)
            } else {
                spans.append((start..<end, finding))
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(field.value.count + 16)
        var cursor = 0
        var changed = false
        for (range, finding) in spans {
            let action = policy.action(forType: finding.type, category: finding.category)
            count(finding.type, action)
            guard case .transform(let transform) = action else { continue }
            switch transform {
            case .remove(.record): return .removeRecord
            case .remove(.field): return .removeField
            default: break
            }
            output += field.value[cursor..<range.lowerBound]
            if case .remove = transform {
                // the value goes
            } else {
                output += try apply(transform, to: field.value[range], type: finding.type, field: field)
            }
            cursor = range.upperBound
            changed = true
        }
        guard changed else { return .unchanged }
        output += field.value[cursor...]
        return .replace(output)
    }

    private mutating func apply(_ transform: Transform, to value: ArraySlice<UInt8>, type: String,
                                field: RecordField) throws(RecordFailure) -> [UInt8] {
        var subject: String?
        if case .shiftDate(let shift) = transform, let name = shift.subject { subject = lookUpSubject(name) }
        let output: String
        do {
            output = try transformer.apply(transform, to: String(decoding: value, as: UTF8.self), type: type, subject: subject)
        } catch {
            throw RecordFailure(message: "\(Self.describe(field)): \(type): \(error.description)")
        }
        let bytes = Array(output.utf8)
        switch transform {
        case .encrypt(let options):
            expectedOutputs.insert(bytes)
            // With a surrogate annotation, a rescan finds the ciphertext after `NAME(n):`.
            if let name = options.surrogate, bytes.count > name.utf8.count,
               let colon = bytes[name.utf8.count...].firstIndex(of: UInt8(ascii: ":")) {
                expectedOutputs.insert(Array(bytes[(colon + 1)...]))
            }
        case .shiftDate: expectedOutputs.insert(bytes)
        default: break
        }
        return bytes
    }

    /// The value of the record's subject field (a column name or a JSONPath).
    private mutating func lookUpSubject(_ name: String) -> String? {
        if let given = subjectOverrides[name] { return given }
        if let cached = subjects[name] { return cached }
        var found: String?
        let pattern = name.hasPrefix("$") ? PathPattern(name) : PathPattern(topLevel: name)
        for field in fields where !field.isName {
            switch field.position {
            case .cell:
                if field.columnName == name { found = String(decoding: field.value, as: UTF8.self) }
            case .record(_, let path):
                if let pattern, pattern.steps.count == path.elements.count, pattern.selects(path) {
                    found = String(decoding: field.value, as: UTF8.self)
                }
            }
            if found != nil { break }
        }
        subjects[name] = found
        return found
    }

    private mutating func count(_ type: String, _ action: MaskingPolicy.Action) {
        counts[type, default: [:]][Self.name(of: action), default: 0] += 1
    }

    /// The name a transform is counted under in reports and the manifest.
    static func name(of action: MaskingPolicy.Action) -> String {
        guard case .transform(let transform) = action else { return "keep" }
        switch transform {
        case .remove(let scope): return scope == .value ? "remove" : "remove-\(scope.rawValue)"
        case .redact: return "redact"
        case .mask: return "mask"
        case .hash: return "hash"
        case .token: return "token"
        case .encrypt: return "encrypt"
        case .shiftDate: return "shiftDate"
        case .generalize: return "generalize"
        }
    }

    static func describe(_ field: RecordField) -> String {
        switch field.position {
        case .cell(_, let column): return "column \(column)" + (field.columnName.map { " (\($0))" } ?? "")
        case .record(_, let path): return path.elements.isEmpty ? "value" : path.description
        }
    }

    static func shift(_ location: Location, by delta: Int) -> Location {
        switch location {
        case .text(let o, let l, let line, let column): return .text(offset: o + delta, length: l, line: line, column: column)
        case .cell(let r, let c, let n, let o, let l): return .cell(row: r, column: c, columnName: n, offset: o + delta, length: l)
        case .record(let i, let p, let o, let l): return .record(recordIndex: i, jsonPath: p, offset: o + delta, length: l)
        }
    }
}
