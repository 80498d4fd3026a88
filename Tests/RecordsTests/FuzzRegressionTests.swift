import Foundation
import Testing
@testable import Records

/// Inputs the fuzz targets (Fuzz/, `scripts/fuzz`) found crashing a reader, kept in
/// Fixtures/fuzz/<target>/ and replayed the way the target runs them: each must now read to
/// the end (or be rejected with a `ReadError`) without crashing.
enum FuzzRegressions {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz").path

    /// `target/file` for every committed input.
    static var inputs: [String] {
        let manager = FileManager.default
        let targets = ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        return targets.flatMap { target in
            ((try? manager.contentsOfDirectory(atPath: directory + "/" + target)) ?? []).sorted().map { "\(target)/\($0)" }
        }
    }

    /// Replays `bytes` as the fuzz target `target` does (see Fuzz/Sources/Fuzz*/main.swift).
    static func replay(target: String, _ bytes: [UInt8]) {
        var visitor = CountingVisitor()
        switch target {
        case "parquet":
            var reader = ParquetReader()
            reader.maxPageSize = 16 << 20
            _ = try? reader.read(from: MemoryRandomAccessSource(bytes), into: &visitor)
        case "gzip", "zip", "tar":
            var archiveVisitor = DrainingVisitor()
            let limits = ArchiveLimits(maxNestingDepth: 4, maxMembers: 64, maxExtractedBytes: 8 << 20,
                                       maxArchiveBytes: 4 << 20, maxBufferedArchiveBytes: 4 << 20)
            ArchiveExpander(limits: limits).expand(stream: MemoryByteSource(bytes), displayPath: "fuzz",
                                                   kind: ArchiveKind(rawValue: target) ?? .gzip, visitor: &archiveVisitor)
        case "csv":
            guard let options = bytes.first else { return }
            var reader = CSVReader(separator: options & 1 == 0 ? UInt8(ascii: ",") : UInt8(ascii: "\t"),
                                   hasHeader: options & 2 == 0,
                                   pieceSize: options & 4 == 0 ? 1 << 20 : 1 + Int(options >> 5))
            if options & 8 != 0 { reader.bufferSize = 4 + Int(options >> 4) }
            var source = MemoryByteSource(Array(bytes.dropFirst()))
            _ = try? reader.read(from: &source, into: &visitor)
        case "json":
            guard let options = bytes.first else { return }
            let pieceSize = options & 2 == 0 ? 1 << 20 : 1 + Int(options >> 5)
            let maxDepth = options & 4 == 0 ? 512 : 1 + Int(options >> 6)
            var source = MemoryByteSource(Array(bytes.dropFirst()))
            if options & 1 == 0 {
                var reader = JSONReader(pieceSize: pieceSize, maxDepth: maxDepth)
                if options & 8 != 0 { reader.bufferSize = 4 + Int(options >> 4) }
                _ = try? reader.read(from: &source, into: &visitor)
            } else {
                var reader = JSONLinesReader(pieceSize: pieceSize, maxDepth: maxDepth)
                if options & 8 != 0 { reader.bufferSize = 4 + Int(options >> 4) }
                _ = try? reader.read(from: &source, into: &visitor)
            }
        default:
            Issue.record("no replay for fuzz target \(target)")
        }
    }

    /// Reads every byte of every piece.
    struct CountingVisitor: FieldVisitor {
        var bytes = 0
        mutating func visit(_ piece: FieldPiece) -> Bool {
            bytes += piece.bytes.reduce(0) { $0 &+ Int($1) }
            _ = piece.offsets.rawRange(piece.decodedStart, piece.decodedStart + piece.bytes.count)
            if case .record(_, let path) = piece.position { _ = path.description }
            return true
        }
    }

    /// Reads every member to its end.
    struct DrainingVisitor: ArchiveVisitor {
        mutating func scanMember(_ member: ArchiveMember, from source: ArchiveMemberSource) -> Bool {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = (try? buffer.withUnsafeMutableBytes { try source.read(into: $0) }) ?? 0
                if n == 0 { break }
            }
            return true
        }
        mutating func skipMember(_ member: ArchiveMember, problem: ArchiveProblem) {}
        mutating func finishArchive(_ report: ArchiveReport) {}
    }
}

@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    @Test("a fuzzer-found input no longer crashes its reader", arguments: FuzzRegressions.inputs)
    func replays(_ input: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: FuzzRegressions.directory + "/" + input)))
        FuzzRegressions.replay(target: String(input.prefix { $0 != "/" }), bytes)
    }

    /// Found by FuzzParquet: a group that takes the elements meant for its parent's later
    /// children left the next sibling reading past the end of the schema list.
    @Test func parquetSchemaSiblingAfterAGreedyGroupIsMalformed() {
        var root = ParquetSchemaElement()
        root.childCount = 2
        var group = ParquetSchemaElement()
        group.name = "g"
        group.childCount = 1
        var leaf = ParquetSchemaElement()
        leaf.name = "x"
        leaf.type = .int32
        #expect(throws: ParquetError.self) { try ParquetSchema.leaves(of: [root, group, leaf]) }
    }
}
