import Detectors
import Records

/// `--format macie`: one JSON document per object and per line (JSON Lines), shaped like an
/// Amazon Macie sensitive data discovery result, with every occurrence (Macie's findings keep
/// 15, its stored results 1,000). Documented in README ("Macie-compatible results").
///
/// Findings are grouped per object by the library's `ObjectResultAggregator`; an object's
/// document is written when the object ends. Memory: one small location per finding of the
/// current object. Matched values never appear (Macie's results carry none).
final class MaciePrinter: ReportPrinter {
    private let output: OutputBuffer
    private let roots: [String]
    private var aggregator = ObjectResultAggregator()

    init(output: OutputBuffer, roots: [String]) {
        self.output = output
        self.roots = roots
    }

    func finding(_ finding: Finding, path: String) {
        aggregator.add(finding, nameIsSensitive: Self.isRedacted(finding.location))
    }

    func object(_ object: ObjectReport) {
        let classification = aggregator.finish(
            path: object.path, format: object.format.flatMap { FileFormat(rawValue: $0) }, status: object.status,
            reason: object.reason, sizeClassified: object.bytes)
        let roots = self.roots
        output.append { out in Self.appendDocument(classification, roots: roots, to: &out) }
        output.flush()
    }

    func finish(_ tally: ScanTally) {
        output.flush()
    }

    /// The location's name text was replaced by `NameRedactor` (it holds a sensitive value).
    static func isRedacted(_ location: Location) -> Bool {
        switch location {
        case .text: return false
        case .cell(_, _, let columnName, _, _): return columnName?.contains(NameRedactor.mark) ?? false
        case .record(_, let jsonPath, _, _): return jsonPath.contains(NameRedactor.mark)
        }
    }

    /// Macie's reason code for ours, where Macie names the same thing differently.
    static func macieReason(_ reason: String?) -> String? {
        reason == "UNSUPPORTED_FILE_TYPE" ? "UNSUPPORTED_FILE_TYPE_EXCEPTION" : reason
    }

    /// Writes one discovery result document and a newline.
    static func appendDocument(_ c: ObjectClassification, roots: [String], to out: inout [UInt8]) {
        // The scanned directory plays the bucket; a file given directly has none.
        let root = RootMatcher.index(of: c.path, in: roots).map { roots[$0] }.flatMap { $0 == c.path ? nil : $0 }
        let key = root.flatMap { RootMatcher.relativeKey(of: c.path, under: $0) } ?? c.path
        JSONText.appendRaw(#"{"resourcesAffected":{"s3Bucket":{"name":"#, to: &out)
        JSONText.appendString(root, to: &out)
        JSONText.appendRaw(#"},"s3Object":{"key":"#, to: &out)
        JSONText.appendString(key, to: &out)
        JSONText.appendRaw(#","path":"#, to: &out)
        JSONText.appendString(c.path, to: &out)
        JSONText.appendRaw(#","extension":"#, to: &out)
        JSONText.appendString(fileExtension(key), to: &out)
        JSONText.appendRaw(#","size":"#, to: &out)
        if c.status == .complete { JSONText.appendInt(c.sizeClassified, to: &out) } else { JSONText.appendRaw("null", to: &out) }
        JSONText.appendRaw(#","embeddedFileDetails":null}},"#, to: &out)
        JSONText.appendRaw(#""classificationDetails":{"detailedResultsLocation":null,"jobArn":null,"jobId":null,"#, to: &out)
        JSONText.appendRaw(#""originType":null,"result":{"status":{"code":"#, to: &out)
        JSONText.appendString(c.status.rawValue, to: &out)
        JSONText.appendRaw(#","reason":"#, to: &out)
        JSONText.appendString(macieReason(c.reason), to: &out)
        JSONText.appendRaw(#"},"mimeType":"#, to: &out)
        JSONText.appendString(c.mimeType, to: &out)
        JSONText.appendRaw(#","sizeClassified":"#, to: &out)
        JSONText.appendInt(c.status == .skipped ? 0 : c.sizeClassified, to: &out)
        JSONText.appendRaw(#","additionalOccurrences":"#, to: &out)
        JSONText.appendRaw(c.additionalOccurrences ? "true" : "false", to: &out)
        JSONText.appendRaw(#","sensitiveData":["#, to: &out)
        for (i, item) in c.sensitiveData.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendRaw(#"{"category":"#, to: &out)
            JSONText.appendString(item.category.rawValue, to: &out)
            JSONText.appendRaw(#","totalCount":"#, to: &out)
            JSONText.appendInt(item.totalCount, to: &out)
            JSONText.appendRaw(#","detections":["#, to: &out)
            for (j, detection) in item.detections.enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendRaw(#"{"type":"#, to: &out)
                JSONText.appendString(detection.type, to: &out)
                JSONText.appendRaw(#","count":"#, to: &out)
                JSONText.appendInt(detection.count, to: &out)
                JSONText.appendRaw(#","occurrences":"#, to: &out)
                appendOccurrences(detection.occurrences, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            JSONText.appendRaw("]}", to: &out)
        }
        JSONText.appendRaw(#"],"customDataIdentifiers":{"totalCount":"#, to: &out)
        JSONText.appendInt(c.customDataIdentifiers.totalCount, to: &out)
        JSONText.appendRaw(#","detections":["#, to: &out)
        for (i, detection) in c.customDataIdentifiers.detections.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendRaw(#"{"arn":null,"name":"#, to: &out)
            JSONText.appendString(detection.type, to: &out)
            JSONText.appendRaw(#","count":"#, to: &out)
            JSONText.appendInt(detection.count, to: &out)
            JSONText.appendRaw(#","occurrences":"#, to: &out)
            appendOccurrences(detection.occurrences, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        JSONText.appendRaw("]}}}}\n", to: &out)
    }

    /// Macie's `Occurrences`: each kind an array, or null when it does not apply.
    static func appendOccurrences(_ o: Occurrences, to out: inout [UInt8]) {
        JSONText.appendRaw(#"{"cells":"#, to: &out)
        if o.cells.isEmpty { JSONText.appendRaw("null", to: &out) } else {
            out.append(UInt8(ascii: "["))
            for (i, cell) in o.cells.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendRaw(#"{"row":"#, to: &out)
                JSONText.appendInt(cell.row, to: &out)
                JSONText.appendRaw(#","column":"#, to: &out)
                JSONText.appendInt(cell.column, to: &out)
                JSONText.appendRaw(#","columnName":"#, to: &out)
                JSONText.appendString(cell.columnName, to: &out)
                JSONText.appendRaw(#","cellReference":"#, to: &out)
                JSONText.appendString(cell.cellReference, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        JSONText.appendRaw(#","lineRanges":"#, to: &out)
        if o.lineRanges.isEmpty { JSONText.appendRaw("null", to: &out) } else {
            out.append(UInt8(ascii: "["))
            for (i, range) in o.lineRanges.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendRaw(#"{"start":"#, to: &out)
                JSONText.appendInt(range.start, to: &out)
                JSONText.appendRaw(#","end":"#, to: &out)
                JSONText.appendInt(range.end, to: &out)
                JSONText.appendRaw(#","startColumn":"#, to: &out)
                JSONText.appendInt(range.startColumn, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        JSONText.appendRaw(#","offsetRanges":null,"pages":null,"records":"#, to: &out)
        if o.records.isEmpty { JSONText.appendRaw("null", to: &out) } else {
            out.append(UInt8(ascii: "["))
            for (i, record) in o.records.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendRaw(#"{"recordIndex":"#, to: &out)
                JSONText.appendInt(record.recordIndex, to: &out)
                JSONText.appendRaw(#","jsonPath":"#, to: &out)
                JSONText.appendString(record.jsonPath, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `csv` for `a/b.csv`; nil without an extension.
    static func fileExtension(_ key: String) -> String? {
        let name = key.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(key)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...]
        return ext.isEmpty ? nil : String(ext)
    }
}
