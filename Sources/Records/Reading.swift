/// Receives the fields a structured reader finds, in file order.
public protocol FieldVisitor {
    /// Called once per field piece. Return `false` to stop reading.
    mutating func visit(_ piece: FieldPiece) -> Bool
}

/// A forward-only source of bytes: a file, memory, later a decompressor.
public protocol ByteSource {
    /// Fills the start of `buffer` and returns the count of bytes written; 0 means the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int
}

/// An error that stops reading an object: the file cannot be opened or read.
public struct ReadError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The file could not be opened (missing, permission denied, a directory...).
        case open
        /// A read failed part way.
        case read
        /// The content is not a valid file of its format (a Parquet file without its footer).
        case malformed
        /// The content uses a feature this version does not read (an encrypted Parquet file).
        case unsupported
    }
    public var kind: Kind
    public var path: String?
    /// The `errno` value, when the failure came from the system.
    public var code: Int32?
    /// A description with no file content in it.
    public var message: String

    public init(kind: Kind, path: String? = nil, code: Int32? = nil, message: String) {
        self.kind = kind
        self.path = path
        self.code = code
        self.message = message
    }

    public var description: String {
        (path.map { "\($0): " } ?? "") + message
    }
}

/// A problem inside an object's content that a reader worked around; the object's status
/// becomes PARTIAL. The message names the place and never quotes the content.
public struct ReadIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The bytes do not follow the format (an unterminated quote, a JSON syntax error).
        case malformed
        /// JSON nesting deeper than the reader's limit.
        case nestingTooDeep
        /// A part of the object uses a feature this version does not read (a Parquet codec or
        /// encoding); that part was skipped.
        case unsupported
    }
    public var kind: Kind
    /// 1-based line where the problem is, when known.
    public var line: Int?
    /// 1-based column (bytes) where the problem is, when known.
    public var column: Int?
    /// Byte offset in the object.
    public var offset: Int
    public var message: String

    public init(kind: Kind, line: Int? = nil, column: Int? = nil, offset: Int, message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.offset = offset
        self.message = message
    }

    public var description: String {
        var place = ""
        if let line { place += "line \(line)" }
        if let column { place += (place.isEmpty ? "" : ", ") + "column \(column)" }
        if place.isEmpty { place = "byte \(offset)" }
        return "\(place): \(message)"
    }
}

/// What a reader reports when it reaches the end (or is stopped).
public struct ReadReport: Sendable {
    /// Bytes consumed from the source.
    public var bytesRead: Int = 0
    /// Records seen: data rows for CSV (header excluded), lines for JSON Lines, documents for JSON.
    public var records: Int = 0
    /// Problems worked around; at most `ReadReport.maxIssues` are kept, `issueCount` counts all.
    public var issues: [ReadIssue] = []
    public var issueCount: Int = 0
    /// True if the visitor asked to stop.
    public var stopped: Bool = false

    public static let maxIssues = 100

    public init() {}

    public mutating func note(_ issue: ReadIssue) {
        issueCount += 1
        if issues.count < ReadReport.maxIssues { issues.append(issue) }
    }
}
