import Records

/// One object's findings grouped the way Amazon Macie's sensitive data discovery results group
/// them (`classificationDetails.result`): managed identifiers by category, then by type, each
/// with its occurrences; custom identifiers apart, by name.
///
/// Built by `ObjectResultAggregator`. It holds locations only, never matched text.
public struct ObjectClassification: Sendable, Hashable {
    /// The object's path as the scan shows it.
    public var path: String
    /// The format the object was read as, when it was read.
    public var format: FileFormat?
    /// The object's MIME type (`text/csv`), nil when it was not read.
    public var mimeType: String?
    public var status: ScanStatus
    /// Macie's reason code (or piiscan's own, see README) when PARTIAL or SKIPPED.
    public var reason: String?
    /// Bytes read and classified.
    public var sizeClassified: Int
    /// True when some occurrences were counted but their locations not kept (an occurrence
    /// limit was set and reached).
    public var additionalOccurrences: Bool
    /// Findings of managed identifiers, by category (sorted by category, then type).
    public var sensitiveData: [SensitiveDataItem]
    /// Findings of custom identifiers (category `CUSTOM_IDENTIFIER`), by name.
    public var customDataIdentifiers: CustomDataIdentifierResults
    /// All findings of the object, managed and custom.
    public var totalCount: Int
    /// The object's sensitivity weight: 3 per HIGH, 2 per MEDIUM, 1 per LOW finding.
    public var weight: Int

    public init(path: String, format: FileFormat?, mimeType: String?, status: ScanStatus, reason: String?,
                sizeClassified: Int, additionalOccurrences: Bool = false, sensitiveData: [SensitiveDataItem] = [],
                customDataIdentifiers: CustomDataIdentifierResults = CustomDataIdentifierResults(),
                totalCount: Int = 0, weight: Int = 0) {
        self.path = path
        self.format = format
        self.mimeType = mimeType
        self.status = status
        self.reason = reason
        self.sizeClassified = sizeClassified
        self.additionalOccurrences = additionalOccurrences
        self.sensitiveData = sensitiveData
        self.customDataIdentifiers = customDataIdentifiers
        self.totalCount = totalCount
        self.weight = weight
    }

    /// The MIME type Macie reports for a format; nil for none.
    public static func mimeType(for format: FileFormat?) -> String? {
        guard let format else { return nil }
        // Switched on the raw value so a format added later gets a generic type, not a build error.
        switch format.rawValue {
        case "text": return "text/plain"
        case "csv": return "text/csv"
        case "tsv": return "text/tab-separated-values"
        case "json": return "application/json"
        case "jsonl": return "application/jsonl"
        case "parquet": return "application/vnd.apache.parquet"
        case "gzip": return "application/gzip"
        case "zip": return "application/zip"
        case "tar": return "application/x-tar"
        default: return "application/octet-stream"
        }
    }
}

/// The findings of one category (Macie's `SensitiveDataItem`).
public struct SensitiveDataItem: Sendable, Hashable {
    public var category: Category
    public var totalCount: Int
    public var detections: [Detection]

    public init(category: Category, totalCount: Int, detections: [Detection]) {
        self.category = category
        self.totalCount = totalCount
        self.detections = detections
    }
}

/// The findings of one identifier in one object (Macie's `DefaultDetection`, or a custom
/// identifier's `CustomDetection` when `category` is `.customIdentifier`).
public struct Detection: Sendable, Hashable {
    /// The identifier's ID (managed) or name (custom).
    public var type: String
    public var category: Category
    /// The highest severity among the findings.
    public var severity: Severity
    public var count: Int
    public var occurrences: Occurrences

    public init(type: String, category: Category, severity: Severity, count: Int, occurrences: Occurrences) {
        self.type = type
        self.category = category
        self.severity = severity
        self.count = count
        self.occurrences = occurrences
    }
}

/// The custom identifiers' findings (Macie's `CustomDataIdentifiers`).
public struct CustomDataIdentifierResults: Sendable, Hashable {
    public var totalCount: Int
    /// One per custom identifier, sorted by name. piiscan's custom identifiers have no ARN.
    public var detections: [Detection]

    public init(totalCount: Int = 0, detections: [Detection] = []) {
        self.totalCount = totalCount
        self.detections = detections
    }
}

/// Where one identifier's findings are in an object (Macie's `Occurrences`). An empty array
/// is Macie's `null`: that kind of location does not apply. `offsetRanges` and `pages` are
/// not produced (Macie reserves the first; the second is for PDF).
public struct Occurrences: Sendable, Hashable {
    /// CSV/TSV cells outside the header row.
    public var cells: [CellOccurrence] = []
    /// Text lines, and CSV/TSV header cells (as Macie reports them).
    public var lineRanges: [LineRangeOccurrence] = []
    /// JSON, JSON Lines (and Parquet) records.
    public var records: [RecordOccurrence] = []

    public init(cells: [CellOccurrence] = [], lineRanges: [LineRangeOccurrence] = [], records: [RecordOccurrence] = []) {
        self.cells = cells
        self.lineRanges = lineRanges
        self.records = records
    }

    /// The number of locations held.
    public var count: Int { cells.count + lineRanges.count + records.count }
}

/// A cell (Macie's `Cell`): row from 1 (the header is row 1), column from 1.
public struct CellOccurrence: Sendable, Hashable {
    public var row: Int
    public var column: Int
    /// The column's header text; nil without a header, or when the header text is itself
    /// sensitive.
    public var columnName: String?
    /// A spreadsheet reference (`Sheet2!C5`); always nil for CSV/TSV.
    public var cellReference: String?

    public init(row: Int, column: Int, columnName: String?, cellReference: String? = nil) {
        self.row = row
        self.column = column
        self.columnName = columnName
        self.cellReference = cellReference
    }
}

/// A line range (Macie's `Range`): lines from 1, inclusive; `startColumn` from 1.
public struct LineRangeOccurrence: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var startColumn: Int

    public init(start: Int, end: Int, startColumn: Int) {
        self.start = start
        self.end = end
        self.startColumn = startColumn
    }
}

/// A record (Macie's `Record`): index from 0 and a JSONPath, nil when an element name on the
/// path is itself sensitive (as Macie omits it).
public struct RecordOccurrence: Sendable, Hashable {
    public var recordIndex: Int
    public var jsonPath: String?

    public init(recordIndex: Int, jsonPath: String?) {
        self.recordIndex = recordIndex
        self.jsonPath = jsonPath
    }
}
