import Detectors

/// Writes one JSON object per line: a `finding` line per finding, then an `object` line per
/// object; flushed after each object. The schema is documented in README ("JSON Lines
/// output"); later versions add fields, never remove or rename one.
final class JSONLinesPrinter: ReportPrinter {
    private let output: OutputBuffer
    private let showValues: Bool

    init(output: OutputBuffer, showValues: Bool) {
        self.output = output
        self.showValues = showValues
    }

    func finding(_ finding: Finding, path: String) {
        let showValues = self.showValues
        output.append { out in
            JSONText.appendRaw(#"{"kind":"finding","path":"#, to: &out)
            JSONText.appendString(path, to: &out)
            JSONText.appendRaw(#","type":"#, to: &out)
            JSONText.appendString(finding.type, to: &out)
            JSONText.appendRaw(#","category":""#, to: &out)
            JSONText.appendRaw(finding.category.rawValue, to: &out)
            JSONText.appendRaw(#"","severity":""#, to: &out)
            JSONText.appendRaw(finding.severity.rawValue, to: &out)
            JSONText.appendRaw(#"","location":"#, to: &out)
            Self.appendLocation(finding.location, to: &out)
            if let keyword = finding.keyword {
                JSONText.appendRaw(#","keyword":"#, to: &out)
                JSONText.appendString(keyword, to: &out)
            }
            if showValues, let value = finding.value {
                JSONText.appendRaw(#","value":"#, to: &out)
                JSONText.appendString(value, to: &out)
            }
            JSONText.appendRaw("}\n", to: &out)
        }
    }

    static func appendLocation(_ location: Location, to out: inout [UInt8]) {
        switch location {
        case .text(let offset, let length, let line, let column):
            JSONText.appendRaw(#"{"offset":"#, to: &out)
            JSONText.appendInt(offset, to: &out)
            JSONText.appendRaw(#","length":"#, to: &out)
            JSONText.appendInt(length, to: &out)
            JSONText.appendRaw(#","line":"#, to: &out)
            JSONText.appendInt(line, to: &out)
            JSONText.appendRaw(#","column":"#, to: &out)
            JSONText.appendInt(column, to: &out)
        case .cell(let row, let column, let columnName, let offset, let length):
            JSONText.appendRaw(#"{"row":"#, to: &out)
            JSONText.appendInt(row, to: &out)
            JSONText.appendRaw(#","column":"#, to: &out)
            JSONText.appendInt(column, to: &out)
            if let columnName {
                JSONText.appendRaw(#","columnName":"#, to: &out)
                JSONText.appendString(columnName, to: &out)
            }
            JSONText.appendRaw(#","offset":"#, to: &out)
            JSONText.appendInt(offset, to: &out)
            JSONText.appendRaw(#","length":"#, to: &out)
            JSONText.appendInt(length, to: &out)
        case .record(let recordIndex, let jsonPath, let offset, let length):
            JSONText.appendRaw(#"{"recordIndex":"#, to: &out)
            JSONText.appendInt(recordIndex, to: &out)
            JSONText.appendRaw(#","jsonPath":"#, to: &out)
            JSONText.appendString(jsonPath, to: &out)
            JSONText.appendRaw(#","offset":"#, to: &out)
            JSONText.appendInt(offset, to: &out)
            JSONText.appendRaw(#","length":"#, to: &out)
            JSONText.appendInt(length, to: &out)
        }
        JSONText.appendRaw("}", to: &out)
    }

    func object(_ object: ObjectReport) {
        output.append { out in
            JSONText.appendRaw(#"{"kind":"object","path":"#, to: &out)
            JSONText.appendString(object.path, to: &out)
            JSONText.appendRaw(#","format":"#, to: &out)
            JSONText.appendString(object.format, to: &out)
            JSONText.appendRaw(#","status":"#, to: &out)
            JSONText.appendString(object.status.rawValue, to: &out)
            JSONText.appendRaw(#","reason":"#, to: &out)
            JSONText.appendString(object.reason, to: &out)
            JSONText.appendRaw(#","bytes":"#, to: &out)
            JSONText.appendInt(object.bytes, to: &out)
            JSONText.appendRaw(#","findings":"#, to: &out)
            JSONText.appendInt(object.findings, to: &out)
            if !object.messages.isEmpty {
                JSONText.appendRaw(#","messages":["#, to: &out)
                for (i, message) in object.messages.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    JSONText.appendString(message, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            JSONText.appendRaw("}\n", to: &out)
        }
        output.flush()
    }

    func finish(_ tally: ScanTally) {
        output.flush()
    }
}
