import Detectors

/// Keeps matched values out of locations.
///
/// A location can carry text from the file: a CSV column name (the header cell) and a JSON
/// path (the keys). When a key or a header cell is itself sensitive (a JSON object keyed by
/// email address, a header cell holding an SSN), that text would leak the value through every
/// location under it. Macie omits such paths; piiscan replaces the sensitive part with
/// `[REDACTED]`, unless values were asked for.
///
/// The scan always carries values internally so this check can see them; the printers drop
/// them unless `--show-values` is given.
struct NameRedactor {
    static let mark = "[REDACTED]"
    /// Sensitive values seen in names in the current object (bounded).
    private var seen: [String] = []
    private let limit = 1024

    mutating func redact(_ finding: inout Finding) {
        switch finding.location {
        case .text:
            return
        case .cell(let row, let column, let columnName, let offset, let length):
            if row == 1 || (columnName != nil && finding.value.map { columnName!.contains($0) } == true) {
                remember(finding.value)
            }
            guard let columnName, !seen.isEmpty else { return }
            let cleaned = clean(columnName)
            if cleaned != columnName {
                finding.location = .cell(row: row, column: column, columnName: cleaned, offset: offset, length: length)
            }
        case .record(let recordIndex, let jsonPath, let offset, let length):
            if let value = finding.value, !value.isEmpty, jsonPath.contains(value) { remember(value) }
            guard !seen.isEmpty else { return }
            let cleaned = clean(jsonPath)
            if cleaned != jsonPath {
                finding.location = .record(recordIndex: recordIndex, jsonPath: cleaned, offset: offset, length: length)
            }
        }
    }

    private mutating func remember(_ value: String?) {
        guard let value, !value.isEmpty, seen.count < limit, !seen.contains(value) else { return }
        seen.append(value)
        // Longest first, so a value that contains another is replaced whole.
        seen.sort { $0.count > $1.count }
    }

    private func clean(_ text: String) -> String {
        var out = text
        for value in seen where out.contains(value) {
            out = out.replacing(value, with: Self.mark)
        }
        return out
    }
}
