import Records

/// Folded over every byte the readers hand out, so each piece is really read (AddressSanitizer
/// then checks every lent buffer) and nothing is optimized away.
nonisolated(unsafe) public var fuzzSink: UInt64 = 0

/// A visitor that touches every piece: its bytes, position, column name and offset map.
public struct TouchingVisitor: FieldVisitor {
    public var pieces = 0

    public init() {}

    public mutating func visit(_ piece: FieldPiece) -> Bool {
        pieces += 1
        var hash = fuzzSink
        for byte in piece.bytes { hash = (hash &* 31) &+ UInt64(byte) }
        switch piece.position {
        case .cell(let row, let column):
            hash &+= UInt64(truncatingIfNeeded: row &* 7 &+ column)
        case .record(let index, let path):
            hash &+= UInt64(truncatingIfNeeded: index &+ path.description.utf8.count &+ path.names.count)
        }
        hash &+= UInt64(piece.columnName?.utf8.count ?? 0)
        if let entry = piece.dictionaryEntry { hash &+= UInt64(truncatingIfNeeded: entry.dictionary &* 31 &+ entry.entry) }
        let end = piece.decodedStart + piece.bytes.count
        let range = piece.offsets.rawRange(piece.decodedStart, end)
        hash &+= UInt64(truncatingIfNeeded: range.lowerBound &+ range.upperBound &+ piece.offsets.anchorCount)
        fuzzSink = hash
        return true
    }
}

/// Folds a report into the sink (every issue's description is built).
public func touch(_ report: ReadReport) {
    var hash = fuzzSink &+ UInt64(truncatingIfNeeded: report.bytesRead &+ report.records &+ report.issueCount)
    for issue in report.issues { hash &+= UInt64(issue.description.utf8.count) }
    fuzzSink = hash
}

/// The fuzzer's input as an array.
public func inputBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// Expands an archive and reads every member to its end; members that look like CSV or JSON
/// are also parsed, so the readers run over decompressed bytes too.
public struct DrainingArchiveVisitor: ArchiveVisitor {
    public var members = 0

    public init() {}

    public mutating func scanMember(_ member: ArchiveMember, from source: ArchiveMemberSource) -> Bool {
        members += 1
        var hash = fuzzSink &+ UInt64(member.path.utf8.count &+ member.name.utf8.count &+ member.depth)
        let format = source.prefix.withUnsafeBytes { FileFormat.detect(path: member.name, prefix: $0) }
        var memberSource = source
        var visitor = TouchingVisitor()
        do throws(ReadError) {
            switch format {
            case .csv, .tsv:
                let separator = format == .tsv ? UInt8(ascii: "\t") : UInt8(ascii: ",")
                touch(try CSVReader(separator: separator, pieceSize: 4096).read(from: &memberSource, into: &visitor))
            case .jsonl:
                touch(try JSONLinesReader(pieceSize: 4096, maxDepth: 64).read(from: &memberSource, into: &visitor))
            case .json:
                touch(try JSONReader(pieceSize: 4096, maxDepth: 64).read(from: &memberSource, into: &visitor))
            case .parquet:
                var bytes: [UInt8] = []
                let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
                defer { chunk.deallocate() }
                while true {
                    let n = try memberSource.read(into: chunk)
                    if n == 0 { break }
                    bytes.append(contentsOf: chunk[..<n])
                }
                var reader = ParquetReader()
                reader.maxPageSize = 16 << 20
                do { touch(try reader.read(from: MemoryRandomAccessSource(bytes), into: &visitor)) } catch {
                    hash &+= UInt64(error.description.utf8.count)
                }
            case .text, nil:
                break
            }
            // Whatever the reader left (or everything, for other formats) is read raw.
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let n = try memberSource.read(into: buffer)
                if n == 0 { break }
                for byte in buffer[..<n] { hash = (hash &* 31) &+ UInt64(byte) }
            }
        } catch {
            hash &+= UInt64(error.description.utf8.count)
        }
        hash &+= UInt64(source.problem?.description.utf8.count ?? 0) &+ UInt64(source.bytesRead)
        fuzzSink = hash
        return true
    }

    public mutating func skipMember(_ member: ArchiveMember, problem: ArchiveProblem) {
        fuzzSink &+= UInt64(member.path.utf8.count &+ problem.description.utf8.count)
    }

    public mutating func finishArchive(_ report: ArchiveReport) {
        var hash = fuzzSink &+ UInt64(report.kindDescription.utf8.count &+ report.membersScanned &+ report.membersSkipped)
        for problem in report.problems { hash &+= UInt64(problem.description.utf8.count) }
        fuzzSink = hash
    }
}

/// Limits small enough that a fuzz input cannot make one run take long or use much memory.
public let fuzzArchiveLimits = ArchiveLimits(maxNestingDepth: 4, maxMembers: 64, maxExtractedBytes: 8 << 20,
                                             maxArchiveBytes: 4 << 20, maxBufferedArchiveBytes: 4 << 20)

/// Expands `bytes` as an archive of `kind` (read as a stream, as from standard input).
public func fuzzArchive(_ bytes: [UInt8], kind: ArchiveKind) {
    var visitor = DrainingArchiveVisitor()
    ArchiveExpander(limits: fuzzArchiveLimits).expand(stream: MemoryByteSource(bytes), displayPath: "fuzz",
                                                      kind: kind, visitor: &visitor)
    fuzzSink &+= UInt64(visitor.members)
}
