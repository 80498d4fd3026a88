import Records

/// Groups one object's findings into an `ObjectClassification`, the shape of a Macie sensitive
/// data discovery result: feed it the object's findings with `add(_:)`, then call `finish`,
/// which returns the result and resets the aggregator for the next object.
///
/// ```swift
/// var aggregator = ObjectResultAggregator()
/// var sink = FindingCollector()
/// let result = engine.scanFile(atPath: path, displayPath: path, scratch: scratch, into: &sink)
/// for finding in sink.findings { aggregator.add(finding) }
/// let classification = aggregator.finish(result)
/// ```
///
/// Macie's location rules are applied here:
/// - a finding in a CSV/TSV header cell (row 1) is reported as a line range, not a cell;
/// - a record's `jsonPath` is omitted, and a cell's `columnName` too, when it holds text that
///   was itself found sensitive in this object (a JSON object keyed by e-mail address). The
///   aggregator sees this when findings carry values (`ScanConfiguration.includeValues`); a
///   caller that has already redacted names says so with `nameIsSensitive`.
///
/// Memory: one entry per identifier found in the object, plus one small location per
/// occurrence (every occurrence, unless `occurrenceLimit` is set: then at most that many
/// locations per identifier, the rest only counted, and `additionalOccurrences` is true).
/// Matched text is never kept.
public struct ObjectResultAggregator: Sendable {
    /// The most locations kept per identifier and object; nil keeps every one.
    public var occurrenceLimit: Int?

    private struct Entry: Sendable {
        var detection: Detection
    }
    private var entries: [Entry] = []
    private var indexByType: [String: Int] = [:]
    private var sensitiveNames: [String] = []
    private var dropped = false
    private static let sensitiveNameLimit = 1024

    public init(occurrenceLimit: Int? = nil) {
        self.occurrenceLimit = occurrenceLimit
    }

    /// Adds one finding of the current object.
    ///
    /// - Parameter nameIsSensitive: the location's column name or JSON path carries sensitive
    ///   text (the caller redacted it); it is then omitted as Macie does.
    public mutating func add(_ finding: Finding, nameIsSensitive: Bool = false) {
        let index: Int
        if let known = indexByType[finding.type] {
            index = known
        } else {
            index = entries.count
            indexByType[finding.type] = index
            entries.append(Entry(detection: Detection(type: finding.type, category: finding.category,
                                                      severity: finding.severity, count: 0, occurrences: Occurrences())))
        }
        entries[index].detection.count += 1
        if finding.severity > entries[index].detection.severity { entries[index].detection.severity = finding.severity }
        if let limit = occurrenceLimit, entries[index].detection.occurrences.count >= limit {
            dropped = true
            return
        }
        switch finding.location {
        case .text(_, _, let line, let column):
            let newlines = finding.value.map { $0.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } } ?? 0
            entries[index].detection.occurrences.lineRanges.append(
                LineRangeOccurrence(start: line, end: line + newlines, startColumn: column))
        case .cell(let row, let column, let columnName, let offset, _):
            if row == 1 {
                // A header cell: Macie reports it as a line range; its text is a name.
                remember(finding.value)
                entries[index].detection.occurrences.lineRanges.append(
                    LineRangeOccurrence(start: 1, end: 1, startColumn: offset + 1))
            } else {
                var name = columnName
                if let columnName, nameIsSensitive || containsSensitiveName(columnName) { name = nil }
                entries[index].detection.occurrences.cells.append(
                    CellOccurrence(row: row, column: column, columnName: name))
            }
        case .record(let recordIndex, let jsonPath, _, _):
            if let value = finding.value, !value.isEmpty, jsonPath.contains(value) { remember(value) }
            let path: String? = nameIsSensitive || containsSensitiveName(jsonPath) ? nil : jsonPath
            entries[index].detection.occurrences.records.append(RecordOccurrence(recordIndex: recordIndex, jsonPath: path))
        }
    }

    /// Ends the object: returns its classification and resets the aggregator.
    public mutating func finish(path: String, format: FileFormat?, status: ScanStatus, reason: String?,
                                sizeClassified: Int) -> ObjectClassification {
        var byCategory: [Category: [Detection]] = [:]
        var custom: [Detection] = []
        var total = 0
        var weight = 0
        for entry in entries {
            let detection = entry.detection
            total += detection.count
            weight += detection.count * Self.weight(of: detection.severity)
            if detection.category == .customIdentifier {
                custom.append(detection)
            } else {
                byCategory[detection.category, default: []].append(detection)
            }
        }
        let sensitiveData = Category.allCases.compactMap { category -> SensitiveDataItem? in
            guard let detections = byCategory[category] else { return nil }
            let sorted = detections.sorted { $0.type < $1.type }
            return SensitiveDataItem(category: category, totalCount: sorted.reduce(0) { $0 + $1.count }, detections: sorted)
        }
        custom.sort { $0.type < $1.type }
        let result = ObjectClassification(
            path: path, format: format, mimeType: ObjectClassification.mimeType(for: format), status: status,
            reason: reason, sizeClassified: sizeClassified, additionalOccurrences: dropped,
            sensitiveData: sensitiveData,
            customDataIdentifiers: CustomDataIdentifierResults(totalCount: custom.reduce(0) { $0 + $1.count },
                                                               detections: custom),
            totalCount: total, weight: weight)
        reset()
        return result
    }

    /// Ends the object scanned into `result`.
    public mutating func finish(_ result: ObjectResult) -> ObjectClassification {
        finish(path: result.path, format: result.format, status: result.status, reason: result.reason?.rawValue,
               sizeClassified: result.bytes)
    }

    /// Forgets the current object's findings.
    public mutating func reset() {
        entries.removeAll(keepingCapacity: true)
        indexByType.removeAll(keepingCapacity: true)
        sensitiveNames.removeAll(keepingCapacity: true)
        dropped = false
    }

    /// The weight of one finding in an object's and a root's sensitivity: HIGH 3, MEDIUM 2, LOW 1.
    public static func weight(of severity: Severity) -> Int {
        switch severity {
        case .high: return 3
        case .medium: return 2
        case .low: return 1
        }
    }

    private mutating func remember(_ value: String?) {
        guard let value, !value.isEmpty, sensitiveNames.count < Self.sensitiveNameLimit,
              !sensitiveNames.contains(value) else { return }
        sensitiveNames.append(value)
    }

    private func containsSensitiveName(_ text: String) -> Bool {
        sensitiveNames.contains { text.contains($0) }
    }
}
