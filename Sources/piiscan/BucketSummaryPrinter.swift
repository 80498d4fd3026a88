import Detectors
import Records
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Wraps the chosen printer and builds the bucket summary (the library's
/// `BucketSummaryBuilder`) from the same findings and objects: counts only, no locations.
/// The summary is shown by `SummaryPrinter` and written as JSON by `--summary-json FILE`.
final class BucketSummaryRecorder: ReportPrinter {
    private let inner: any ReportPrinter
    private var aggregator = ObjectResultAggregator(occurrenceLimit: 0)
    private var builder: BucketSummaryBuilder

    init(wrapping inner: any ReportPrinter, roots: [String], topCount: Int = 10) {
        self.inner = inner
        builder = BucketSummaryBuilder(roots: roots, topCount: topCount)
    }

    /// The summary so far.
    var summary: BucketSummary { builder.result }

    func finding(_ finding: Finding, path: String) {
        aggregator.add(finding)
        inner.finding(finding, path: path)
    }

    func object(_ object: ObjectReport) {
        builder.add(aggregator.finish(path: object.path, format: object.format.flatMap { FileFormat(rawValue: $0) },
                                      status: object.status, reason: object.reason, sizeClassified: object.bytes))
        inner.object(object)
    }

    func finish(_ tally: ScanTally) {
        inner.finish(tally)
    }

    /// Writes the summary as one JSON document to `path`; the system's message on failure.
    func writeJSON(to path: String) -> String? {
        var bytes: [UInt8] = []
        BucketSummaryJSON.append(summary, to: &bytes)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return systemDescription(errno) }
        defer { close(fd) }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n >= 0 { offset += n; continue }
                if errno == EINTR { continue }
                failure = systemDescription(errno)
                return
            }
        }
        return failure
    }
}

/// The bucket summary as JSON (`--summary-json FILE`), schema in README ("Bucket summary").
enum BucketSummaryJSON {
    static func append(_ s: BucketSummary, to out: inout [UInt8]) {
        JSONText.appendRaw(#"{"objects":"#, to: &out)
        JSONText.appendInt(s.objects, to: &out)
        JSONText.appendRaw(#","objectsClassified":"#, to: &out)
        JSONText.appendInt(s.objectsClassified, to: &out)
        JSONText.appendRaw(#","objectsSkipped":"#, to: &out)
        JSONText.appendInt(s.objectsSkipped, to: &out)
        JSONText.appendRaw(#","objectsPartial":"#, to: &out)
        JSONText.appendInt(s.objectsPartial, to: &out)
        JSONText.appendRaw(#","objectsWithFindings":"#, to: &out)
        JSONText.appendInt(s.objectsWithFindings, to: &out)
        JSONText.appendRaw(#","skippedReasons":"#, to: &out)
        appendCounts(s.skippedReasons, to: &out)
        JSONText.appendRaw(#","partialReasons":"#, to: &out)
        appendCounts(s.partialReasons, to: &out)
        JSONText.appendRaw(#","bytesClassified":"#, to: &out)
        JSONText.appendInt(s.bytesClassified, to: &out)
        JSONText.appendRaw(#","findings":"#, to: &out)
        JSONText.appendInt(s.findings, to: &out)
        JSONText.appendRaw(#","findingsByType":["#, to: &out)
        for (i, item) in s.findingsByType.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendRaw(#"{"type":"#, to: &out)
            JSONText.appendString(item.type, to: &out)
            JSONText.appendRaw(#","category":"#, to: &out)
            JSONText.appendString(item.category.rawValue, to: &out)
            JSONText.appendRaw(#","severity":"#, to: &out)
            JSONText.appendString(item.severity.rawValue, to: &out)
            JSONText.appendRaw(#","count":"#, to: &out)
            JSONText.appendInt(item.count, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        JSONText.appendRaw(#"],"findingsByCategory":["#, to: &out)
        for (i, item) in s.findingsByCategory.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendRaw(#"{"category":"#, to: &out)
            JSONText.appendString(item.category.rawValue, to: &out)
            JSONText.appendRaw(#","count":"#, to: &out)
            JSONText.appendInt(item.count, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        JSONText.appendRaw(#"],"mostSensitiveObjects":["#, to: &out)
        for (i, item) in s.mostSensitiveObjects.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendRaw(#"{"path":"#, to: &out)
            JSONText.appendString(item.path, to: &out)
            JSONText.appendRaw(#","weight":"#, to: &out)
            JSONText.appendInt(item.weight, to: &out)
            JSONText.appendRaw(#","findings":"#, to: &out)
            JSONText.appendInt(item.findings, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        JSONText.appendRaw(#"],"roots":["#, to: &out)
        for (i, root) in s.roots.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendRaw(#"{"root":"#, to: &out)
            JSONText.appendString(root.root, to: &out)
            JSONText.appendRaw(#","objects":"#, to: &out)
            JSONText.appendInt(root.objects, to: &out)
            JSONText.appendRaw(#","objectsClassified":"#, to: &out)
            JSONText.appendInt(root.objectsClassified, to: &out)
            JSONText.appendRaw(#","objectsWithFindings":"#, to: &out)
            JSONText.appendInt(root.objectsWithFindings, to: &out)
            JSONText.appendRaw(#","bytesClassified":"#, to: &out)
            JSONText.appendInt(root.bytesClassified, to: &out)
            JSONText.appendRaw(#","findings":"#, to: &out)
            JSONText.appendInt(root.findings, to: &out)
            JSONText.appendRaw(#","weightedFindings":"#, to: &out)
            JSONText.appendInt(root.weightedFindings, to: &out)
            JSONText.appendRaw(#","sensitivityScore":"#, to: &out)
            JSONText.appendInt(root.sensitivityScore, to: &out)
            JSONText.appendRaw(#","sensitivityLabel":"#, to: &out)
            JSONText.appendString(root.sensitivityLabel, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        JSONText.appendRaw("]}\n", to: &out)
    }

    private static func appendCounts(_ counts: [String: Int], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (i, (key, count)) in counts.sorted(by: { $0.key < $1.key }).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONText.appendInt(count, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}

/// The bucket summary's readable lines, printed by `SummaryPrinter` after the totals.
enum BucketSummaryText {
    static func lines(_ s: BucketSummary) -> [String] {
        var lines: [String] = []
        func reasons(_ counts: [String: Int]) -> String {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\(SummaryPrinter.grouped($0.value)) \($0.key)" }.joined(separator: ", ")
        }
        if s.objectsSkipped > 0 {
            lines.append("Skipped: \(SummaryPrinter.grouped(s.objectsSkipped)) (\(reasons(s.skippedReasons)))")
        }
        if s.objectsPartial > 0 {
            lines.append("Partial: \(SummaryPrinter.grouped(s.objectsPartial)) (\(reasons(s.partialReasons)))")
        }
        lines.append("Bytes classified: \(SummaryPrinter.grouped(s.bytesClassified))")
        if !s.mostSensitiveObjects.isEmpty {
            lines.append("Most sensitive objects (weight: 3 per HIGH, 2 per MEDIUM, 1 per LOW finding)")
            let width = s.mostSensitiveObjects.map { SummaryPrinter.grouped($0.weight).count }.max() ?? 0
            for item in s.mostSensitiveObjects {
                let weight = SummaryPrinter.grouped(item.weight)
                let noun = item.findings == 1 ? "finding" : "findings"
                lines.append("  \(String(repeating: " ", count: max(0, width - weight.count)))\(weight)  "
                             + "\(Sanitized.text(item.path)) (\(SummaryPrinter.grouped(item.findings)) \(noun))")
            }
        }
        if !s.roots.isEmpty {
            lines.append("Sensitivity score by root (-1 to 100)")
            for root in s.roots {
                let score = String(root.sensitivityScore)
                lines.append("  \(String(repeating: " ", count: max(0, 3 - score.count)))\(score)  "
                             + "\(root.sensitivityLabel)  \(Sanitized.text(root.root))")
            }
        }
        return lines
    }
}
