import Detectors
import Foundation
@testable import Masking
import Records
import Testing

/// The property masking exists for: after masking everything in the labeled corpus, a scan of
/// the output (the same whole-object scan `piiscan scan` runs) finds nothing.
@Suite struct RescanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Corpora/accuracy/corpus")

    static var corpusFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
    }

    @Test(arguments: ["token"])
    func maskedCorpusRescansClean(transform: String) throws {
        let p = try policy("version: 1\ndefault: \(transform)\n")
        let masker = try Masker(policy: p, key: testKey())
        let engine = try ScanEngine(configuration: ScanConfiguration())
        let scratch = engine.makeScratch()
        #expect(Self.corpusFiles.count >= 28)
        var masked = 0
        for name in Self.corpusFiles {
            let path = Self.corpus.appendingPathComponent(name).path
            let format = try #require(try FileRewrite.detectFormat(path))
            var before = FindingCollector()
            _ = engine.scanFile(atPath: path, scratch: scratch, into: &before)
            var sink = MemoryByteSink()
            let report = try masker.mask(try FileByteSource(path: path), format: format, path: path, to: &sink)
            #expect(report.failure == nil, "\(name)")
            #expect(report.records.in == report.records.out + report.records.dropped, "\(name)")
            var after = FindingCollector()
            var output = MemoryByteSource(sink.bytes)
            _ = engine.scan(from: &output, format: format, path: name, scratch: scratch, into: &after)
            let left = Dictionary(grouping: after.findings, by: \.type).mapValues(\.count)
            #expect(after.findings.isEmpty, "\(name): \(before.findings.count) findings before, left after \(transform): \(left)")
            masked += before.findings.count
        }
        #expect(masked > 5000)
    }
}
