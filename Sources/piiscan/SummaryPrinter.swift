import Detectors

/// The readable report: for each object with findings (or not COMPLETE), its counts by type;
/// then totals by type and category, objects by status, bytes scanned. With `--show-values`,
/// each finding is listed under its object with its location and matched text. When a
/// `bucketSummary` is given, its lines follow the totals: skipped and partial objects with
/// their reasons, bytes classified, the most sensitive objects and a score per root.
///
/// Memory is bounded: counts per type for the current object, totals per type for the scan.
final class SummaryPrinter: ReportPrinter {
    private let output: OutputBuffer
    private let showValues: Bool
    private var currentCounts: [String: Int] = [:]
    private var headerPrinted = false
    private var anyObjectListed = false
    /// The bucket summary, read when the scan ends (see `BucketSummaryRecorder`).
    var bucketSummary: (() -> BucketSummary)?

    init(output: OutputBuffer, showValues: Bool) {
        self.output = output
        self.showValues = showValues
    }

    func finding(_ finding: Finding, path: String) {
        currentCounts[finding.type, default: 0] += 1
        guard showValues else { return }
        printHeader(path)
        let value = finding.value.map { Sanitized.text($0) } ?? ""
        output.write("    \(Self.describe(finding.location))  \(finding.type)  \(value)\n")
    }

    func object(_ object: ObjectReport) {
        defer {
            currentCounts.removeAll(keepingCapacity: true)
            headerPrinted = false
        }
        guard object.findings > 0 || object.status != .complete else { return }
        printHeader(object.path)
        var state = object.status.rawValue
        if let reason = object.reason { state += " (\(reason))" }
        let noun = object.findings == 1 ? "finding" : "findings"
        output.write("  \(object.format ?? "-"), \(state), \(Self.grouped(object.findings)) \(noun)\n")
        let rows = currentCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let width = rows.map { Self.grouped($0.value).count }.max() ?? 0
        for (type, count) in rows {
            output.write("    \(Self.pad(Self.grouped(count), width))  \(type)\n")
        }
        output.flush()
    }

    func finish(_ tally: ScanTally) {
        if anyObjectListed { output.write("\n") }
        if tally.findings == 0 {
            output.write("No sensitive data found.\n")
        } else {
            output.write("Findings by type\n")
            let rows = tally.byType.sorted {
                $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
            }
            let countWidth = rows.map { Self.grouped($0.value.count).count }.max() ?? 0
            let typeWidth = rows.map(\.key.count).max() ?? 0
            let categoryWidth = rows.map(\.value.category.rawValue.count).max() ?? 0
            for (type, info) in rows {
                output.write("  \(Self.pad(Self.grouped(info.count), countWidth))  \(Self.padRight(type, typeWidth))  "
                             + "\(Self.padRight(info.category.rawValue, categoryWidth))  \(info.severity.rawValue)\n")
            }
            output.write("Findings by category\n")
            let categories = tally.byCategory.sorted {
                $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue
            }
            let width = categories.map { Self.grouped($0.value).count }.max() ?? 0
            for (category, count) in categories {
                output.write("  \(Self.pad(Self.grouped(count), width))  \(category.rawValue)\n")
            }
        }
        let statuses = [ScanStatus.complete, .partial, .skipped].compactMap { status -> String? in
            guard let n = tally.objectsByStatus[status], n > 0 else { return nil }
            return "\(Self.grouped(n)) \(status.rawValue)"
        }
        output.write("Objects: \(Self.grouped(tally.objects))"
                     + (statuses.isEmpty ? "" : " (\(statuses.joined(separator: ", ")))")
                     + ", \(Self.grouped(tally.objectsWithFindings)) with findings\n")
        output.write("Findings: \(Self.grouped(tally.findings))\n")
        output.write("Bytes scanned: \(Self.grouped(tally.bytes))\n")
        if let bucketSummary {
            for line in BucketSummaryText.lines(bucketSummary()) { output.write(line + "\n") }
        }
        output.flush()
    }

    private func printHeader(_ path: String) {
        guard !headerPrinted else { return }
        headerPrinted = true
        anyObjectListed = true
        output.write(Sanitized.text(path) + "\n")
    }

    /// "row 5, column 3 (email)", "line 40, column 12", "record 12, $.user.email".
    static func describe(_ location: Location) -> String {
        switch location {
        case .text(_, _, let line, let column):
            return "line \(line), column \(column)"
        case .cell(let row, let column, let columnName, _, _):
            return "row \(row), column \(column)" + (columnName.map { " (\(Sanitized.text($0)))" } ?? "")
        case .record(let recordIndex, let jsonPath, _, _):
            return "record \(recordIndex), \(Sanitized.text(jsonPath))"
        }
    }

    /// 12345 as "12,345".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }

    private static func padRight(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }
}
