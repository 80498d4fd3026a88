import Records

/// An object's classification status, as Macie's `status.code`.
public enum ScanStatus: String, Sendable, Hashable, Codable {
    case complete = "COMPLETE"
    case partial = "PARTIAL"
    case skipped = "SKIPPED"
}

/// Why an object is PARTIAL or SKIPPED: Macie's reason codes where one fits.
public enum StatusReason: String, Sendable, Hashable, Codable {
    case malformedFile = "MALFORMED_FILE"
    case unsupportedFileType = "UNSUPPORTED_FILE_TYPE"
    case permissionDenied = "PERMISSION_DENIED"
    case unableToParseFile = "UNABLE_TO_PARSE_FILE"
    case jsonNestingLevelOverLimit = "JSON_NESTING_LEVEL_OVER_LIMIT"
    case fileExceedsSizeLimit = "FILE_EXCEEDS_SIZE_LIMIT"
    /// A pattern hit PCRE2's match limit on this object; the rest of it was scanned.
    case matchLimitExceeded = "MATCH_LIMIT_EXCEEDED"
    /// The sink asked the scan to stop.
    case stopped = "STOPPED"
    /// An archive holds members that were not scanned (encrypted, an unsupported compression
    /// method, a nested zip too large to buffer).
    case archiveContainsUnprocessedFiles = "ARCHIVE_CONTAINS_UNPROCESSED_FILES"
    /// An archive file over `ArchiveLimits.maxArchiveBytes`; not opened.
    case archiveExceedsSizeLimit = "ARCHIVE_EXCEEDS_SIZE_LIMIT"
    /// Archives nested deeper than `ArchiveLimits.maxNestingDepth`; the deeper ones not opened.
    case archiveNestingLevelOverLimit = "ARCHIVE_NESTING_LEVEL_OVER_LIMIT"
    /// More bytes decompressed than `ArchiveLimits.maxExtractedBytes`; the rest not scanned.
    case archiveTotalBytesExtractedOverLimit = "ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT"
    /// More members than `ArchiveLimits.maxMembers`; the rest not scanned.
    case archiveTotalDocumentsProcessedOverLimit = "ARCHIVE_TOTAL_DOCUMENTS_PROCESSED_OVER_LIMIT"
    /// piiscan's own (Macie has no such code): a compressed stream expanded past
    /// `ArchiveLimits.maxCompressionRatio` (a zip bomb guard); scanned up to that point.
    case archiveCompressionRatioOverLimit = "ARCHIVE_COMPRESSION_RATIO_OVER_LIMIT"
}

/// The outcome of scanning one object (a file, later an archive member).
public struct ObjectResult: Sendable {
    public var path: String
    public var format: FileFormat?
    public var status: ScanStatus
    public var reason: StatusReason?
    /// Human-readable problems, each naming the place; never content.
    public var messages: [String]
    /// Bytes of the object read.
    public var bytes: Int
    /// Findings delivered to the sink for this object.
    public var findings: Int
    /// For an archive object (its members are objects of their own): its layers, `zip`,
    /// `tar`, `tar.gz`; nil otherwise.
    public var archive: String? = nil

    public init(path: String, format: FileFormat?, status: ScanStatus = .complete,
                reason: StatusReason? = nil, messages: [String] = [], bytes: Int = 0, findings: Int = 0) {
        self.path = path
        self.format = format
        self.status = status
        self.reason = reason
        self.messages = messages
        self.bytes = bytes
        self.findings = findings
    }
}
