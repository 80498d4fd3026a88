/// The kind of data an identifier finds, as Macie's API names it.
public enum Category: String, Sendable, Hashable, CaseIterable, Codable {
    case credentials = "CREDENTIALS"
    case financialInformation = "FINANCIAL_INFORMATION"
    case personalInformation = "PERSONAL_INFORMATION"
    case customIdentifier = "CUSTOM_IDENTIFIER"
}

/// How sensitive one finding is.
public enum Severity: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case low = "LOW"
    case medium = "MEDIUM"
    case high = "HIGH"

    private var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Where a finding is.
///
/// Every case carries the byte range of the match: in the decoded content for text, and in
/// the file for cells and records.
public enum Location: Sendable, Hashable {
    /// Unstructured text: byte offset and length, 1-based line and 1-based column (characters).
    case text(offset: Int, length: Int, line: Int, column: Int)
    /// A CSV/TSV cell: the header is row 1; columns from 1; the column name when there is a header.
    case cell(row: Int, column: Int, columnName: String?, offset: Int, length: Int)
    /// A JSON, JSON Lines (later Parquet) record: index from 0 and a JSONPath.
    case record(recordIndex: Int, jsonPath: String, offset: Int, length: Int)

    /// The byte offset of the match (see the case docs for what it is relative to).
    public var offset: Int {
        switch self {
        case .text(let o, _, _, _), .cell(_, _, _, let o, _), .record(_, _, let o, _): return o
        }
    }

    /// The byte length of the match.
    public var length: Int {
        switch self {
        case .text(_, let l, _, _), .cell(_, _, _, _, let l), .record(_, _, _, let l): return l
        }
    }
}

/// One occurrence of sensitive data.
///
/// A finding never holds the matched text unless the scan was configured with
/// `ScanConfiguration.includeValues`; then `value` holds it (invalid UTF-8 repaired).
public struct Finding: Sendable, Hashable {
    /// The identifier's ID, Macie's where Macie has one (`USA_SOCIAL_SECURITY_NUMBER`).
    public var type: String
    public var category: Category
    public var severity: Severity
    public var location: Location
    /// The matched text, only when values were asked for.
    public var value: String?
    /// The keyword that made this finding eligible, when one was needed and found; never a value.
    public var keyword: String?

    public init(type: String, category: Category, severity: Severity, location: Location,
                value: String? = nil, keyword: String? = nil) {
        self.type = type
        self.category = category
        self.severity = severity
        self.location = location
        self.value = value
        self.keyword = keyword
    }
}

/// Whether a scan goes on after a finding is delivered.
public enum ScanControl: Sendable {
    case `continue`
    case stop
}

/// Receives findings as a scan produces them.
public protocol FindingSink {
    /// Called once per finding, in order of position within an object, except that the findings
    /// of a custom identifier with severity levels are held until the object's count settles
    /// their severity (see `CustomIdentifier`), then delivered in their own order.
    mutating func receive(_ finding: Finding) -> ScanControl
}

/// A sink that keeps every finding; convenient for tests and small inputs.
public struct FindingCollector: FindingSink {
    public var findings: [Finding] = []
    public init() {}
    public mutating func receive(_ finding: Finding) -> ScanControl {
        findings.append(finding)
        return .continue
    }
}
