import Records
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScanEngine {
    /// Scans a file that may be an archive: a plain file gives one object, as `scanFile`; a
    /// gzip, zip or tar file (told by its content) gives one object per member, reported as
    /// `archive!member` (nested: `a.zip!b.tar.gz!c.csv`), then one object for each archive
    /// summarising it (status and Macie's `ARCHIVE_*` reasons). A gzip'd file that is not an
    /// archive (`app.log.gz`) is one object under its own path, its format taken from the
    /// name inside.
    ///
    /// `makeSink` gives the sink for one object's findings (called before the object is
    /// scanned); `receive` gets each object's result after its findings and may stop the scan.
    /// Members come before the archive that holds them.
    public func scanObjects<Sink: FindingSink>(
        atPath path: String, displayPath: String? = nil, limits: ArchiveLimits = ArchiveLimits(),
        scratch: ScanScratch, makeSink: (String) -> Sink, receive: (ObjectResult, Sink) -> ScanControl
    ) {
        let shown = displayPath ?? path
        let file: FileByteSource
        do {
            file = try FileByteSource(path: path)
        } catch {
            var sink = makeSink(shown)
            _ = receive(scanFile(atPath: path, displayPath: shown, scratch: scratch, into: &sink), sink)
            return
        }
        var source = PrefixedByteSource(file, prefixLength: 64 * 1024)
        let kind: ArchiveKind? = (try? source.loadPrefix()) == nil ? nil
            : source.prefix.withUnsafeBytes { ArchiveKind.detect(name: path, prefix: $0) }
        var sink = makeSink(shown)
        guard let kind else {
            let result: ObjectResult
            if source.prefix.isEmpty, file.size.map({ $0 > 0 }) ?? true {
                // The prefix could not be read: let scanFile report it.
                result = scanFile(atPath: path, displayPath: shown, scratch: scratch, into: &sink)
            } else {
                let format = source.prefix.withUnsafeBytes { FileFormat.detect(path: path, prefix: $0) }
                if format == .parquet {
                    // Parquet is read in place (footer first, one column chunk at a time), not
                    // streamed: the stream path would hold the whole file in memory.
                    result = scanFile(atPath: path, displayPath: shown, format: .parquet, scratch: scratch, into: &sink)
                } else if let format {
                    result = scan(from: &source, format: format, path: shown, scratch: scratch, into: &sink)
                } else {
                    result = ObjectResult(path: shown, format: nil, status: .skipped, reason: .unsupportedFileType,
                                          messages: ["a binary format this version does not read"])
                }
            }
            _ = receive(result, sink)
            return
        }
        withoutActuallyEscaping(makeSink) { makeSink in
            withoutActuallyEscaping(receive) { receive in
                var visitor = ArchiveScanVisitor(engine: self, scratch: scratch, makeSink: makeSink, receive: receive)
                ArchiveExpander(limits: limits).expandFile(atPath: path, displayPath: shown, kind: kind,
                                                           visitor: &visitor)
            }
        }
    }

    /// The status of an archive object from what its expansion reported.
    static func result(of report: ArchiveReport) -> ObjectResult {
        var result = ObjectResult(path: report.path, format: nil)
        result.archive = report.kindDescription
        var kinds = report.memberProblemKinds
        for problem in report.problems { kinds.insert(problem.kind) }
        result.messages = report.problems.map { problem in
            problem.path.hasPrefix(report.path + "!")
                ? "at \(problem.path.dropFirst(report.path.count + 1)): \(problem.message)" : problem.message
        }
        if report.isUnreadable {
            result.status = .skipped
            result.reason = report.problems.first.map { reason(for: $0.kind) } ?? .unableToParseFile
            return result
        }
        let order: [ArchiveProblem.Kind] = [.tooManyMembers, .tooManyBytes, .archiveTooLarge, .nestingOverLimit,
                                            .compressionRatio, .unprocessedMember, .malformed, .readFailed]
        if let first = order.first(where: kinds.contains) {
            result.status = .partial
            result.reason = reason(for: first)
        }
        return result
    }

    static func reason(for kind: ArchiveProblem.Kind) -> StatusReason {
        switch kind {
        case .nestingOverLimit: return .archiveNestingLevelOverLimit
        case .tooManyMembers: return .archiveTotalDocumentsProcessedOverLimit
        case .tooManyBytes: return .archiveTotalBytesExtractedOverLimit
        case .archiveTooLarge: return .archiveExceedsSizeLimit
        case .compressionRatio: return .archiveCompressionRatioOverLimit
        case .unprocessedMember: return .archiveContainsUnprocessedFiles
        case .malformed: return .malformedFile
        case .readFailed: return .unableToParseFile
        }
    }
}

/// Scans each member an `ArchiveExpander` delivers as an object of its own.
struct ArchiveScanVisitor<Sink: FindingSink>: ArchiveVisitor {
    let engine: ScanEngine
    let scratch: ScanScratch
    let makeSink: (String) -> Sink
    let receive: (ObjectResult, Sink) -> ScanControl

    mutating func scanMember(_ member: ArchiveMember, from source: ArchiveMemberSource) -> Bool {
        var sink = makeSink(member.path)
        var reader = source
        let format = source.prefix.withUnsafeBytes { FileFormat.detect(path: member.name, prefix: $0) }
        var result: ObjectResult
        if let format {
            result = engine.scan(from: &reader, format: format, path: member.path, scratch: scratch, into: &sink)
        } else {
            result = ObjectResult(path: member.path, format: nil, status: .skipped, reason: .unsupportedFileType,
                                  messages: ["a binary format this version does not read"])
        }
        if result.bytes == 0 { result.bytes = source.bytesRead }
        if let problem = source.problem {
            // A limit or damage cut the member short: say which, in Macie's terms.
            let wasErrorMessage = result.reason == .unableToParseFile || result.reason == .malformedFile
            result.reason = ScanEngine.reason(for: problem.kind)
            if result.status == .complete { result.status = .partial }
            if !wasErrorMessage || result.messages.isEmpty { result.messages.append(problem.message) }
        }
        return receive(result, sink) == .continue
    }

    mutating func skipMember(_ member: ArchiveMember, problem: ArchiveProblem) {
        let reason: StatusReason = problem.kind == .nestingOverLimit ? .archiveNestingLevelOverLimit : .unsupportedFileType
        let result = ObjectResult(path: member.path, format: nil, status: .skipped, reason: reason,
                                  messages: [problem.message])
        _ = receive(result, makeSink(member.path))
    }

    mutating func finishArchive(_ report: ArchiveReport) {
        _ = receive(ScanEngine.result(of: report), makeSink(report.path))
    }
}
