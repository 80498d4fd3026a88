import Foundation
import Testing
@testable import Records

/// The fixtures written by Corpora/parquet/make_fixtures.py.
enum ParquetFixtures {
    static let directory: String = {
        let file = "\(#filePath)"
        return String(file[..<(file.range(of: "/", options: .backwards)?.lowerBound ?? file.endIndex)]) + "/Fixtures/parquet/"
    }()

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: directory + name)))
    }

    /// `#row$.path=text` for each value the reader delivers.
    static func read(_ bytes: [UInt8]) throws -> ([String], ReadReport) {
        var collector = Collector()
        let report = try ParquetReader().read(from: MemoryRandomAccessSource(bytes), into: &collector)
        return (collector.texts, report)
    }

    /// The values of the "people" table, from people.expected.jsonl.
    static func expectedPeople() throws -> [String] {
        let text = try String(contentsOfFile: directory + "people.expected.jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return "#\(object["row"] as? Int ?? -1)\(object["path"] as? String ?? "")=\(object["text"] as? String ?? "")"
        }
    }

    static let peopleVariants = [
        "people_plain_v1_none.parquet", "people_dict_v1_snappy.parquet", "people_dict_v2_snappy.parquet",
        "people_plain_v2_gzip.parquet", "people_dict_v1_zstd.parquet", "people_plain_v2_lz4.parquet",
        "people_delta_v2_snappy.parquet", "people_split_v1_none.parquet",
    ]
}

@Suite struct ParquetReaderTests {
    @Test(arguments: ParquetFixtures.peopleVariants)
    func everyCodecEncodingAndPageVersionReadsTheSameValues(name: String) throws {
        let (texts, report) = try ParquetFixtures.read(try ParquetFixtures.bytes(name))
        #expect(report.issues.isEmpty, "\(report.issues)")
        #expect(report.records == 10)
        #expect(texts.sorted() == (try ParquetFixtures.expectedPeople()).sorted())
    }

    @Test func valuesComeColumnByColumnWithRowsAcrossRowGroups() throws {
        let (texts, _) = try ParquetFixtures.read(try ParquetFixtures.bytes("people_dict_v1_snappy.parquet"))
        // Row groups of 4 rows: the first group's id column, then its other columns, then group 2.
        #expect(Array(texts.prefix(5)) == ["#0$.id=0", "#1$.id=1", "#2$.id=2", "#3$.id=3", "#0$.small=-3"])
        #expect(texts.contains("#9$.email=user9@example.com"))
        #expect(texts.contains("#5$.amount=-65.05"))
        #expect(texts.contains("#1$.seen=2024-01-03T03:04:05.123Z"))
        #expect(!texts.contains { $0.hasPrefix("#2$.name=") }, "a null is not delivered")
    }

    @Test func anUnsupportedCodecIsReportedPerColumnWithoutValues() throws {
        let (texts, report) = try ParquetFixtures.read(try ParquetFixtures.bytes("people_brotli.parquet"))
        #expect(texts.isEmpty)
        #expect(report.issueCount == 33)
        #expect(report.issues.allSatisfy { $0.kind == .unsupported })
        #expect(report.issues.first?.message == "column id, row group 0: codec BROTLI")
    }

    @Test(arguments: ["nested_v1.parquet", "nested_v2.parquet"])
    func nestedGroupsListsAndMapsGetJSONPaths(name: String) throws {
        let (texts, report) = try ParquetFixtures.read(try ParquetFixtures.bytes(name))
        #expect(report.issues.isEmpty)
        #expect(report.records == 3)
        #expect(texts == [
            "#0$.user.name=Ann", "#2$.user.name=Bo",
            "#0$.user.contact.email=ann@example.com",
            "#0$.tags[0]=a", "#0$.tags[1]=b", "#0$.tags[2]=c",
            "#0$.matrix[0][0]=1", "#0$.matrix[0][1]=2", "#0$.matrix[1][0]=3", "#2$.matrix[1][0]=4",
            "#0$.attrs[0].key=ssn", "#2$.attrs[0].key=k1", "#2$.attrs[1].key=k2",
            "#0$.attrs[0].value=111-22-3333", "#2$.attrs[0].value=v1",
            "#0$.cards[0].pan=4000", "#1$.cards[0].pan=5000",
        ])
    }

    @Test func int96TimestampsAreReadable() throws {
        let (texts, _) = try ParquetFixtures.read(try ParquetFixtures.bytes("int96.parquet"))
        #expect(texts == ["#0$.ts=2021-05-06T07:08:09.500000000Z"])
    }

    @Test func aFileWithoutTheFooterMagicIsMalformed() throws {
        var bytes = try ParquetFixtures.bytes("int96.parquet")
        bytes[bytes.count - 1] = 0x30
        #expect(throws: ReadError.self) { try ParquetFixtures.read(bytes) }
        do { _ = try ParquetFixtures.read(bytes) } catch let error as ReadError { #expect(error.kind == .malformed) }
    }

    @Test func anEncryptedFooterIsUnsupported() throws {
        var bytes = try ParquetFixtures.bytes("int96.parquet")
        bytes.replaceSubrange((bytes.count - 4)..., with: Array("PARE".utf8))
        do {
            _ = try ParquetFixtures.read(bytes)
            Issue.record("expected an error")
        } catch let error as ReadError {
            #expect(error.kind == .unsupported)
        }
    }

    @Test func theVisitorCanStop() throws {
        var collector = Collector(stopAfter: 3)
        let bytes = try ParquetFixtures.bytes("people_dict_v2_snappy.parquet")
        let report = try ParquetReader().read(from: MemoryRandomAccessSource(bytes), into: &collector)
        #expect(report.stopped)
        #expect(collector.pieces.count == 3)
    }

    @Test func aFileReadWithPreadGivesTheSameValues() throws {
        let name = "people_dict_v1_zstd.parquet"
        var collector = Collector()
        _ = try ParquetReader().read(from: try FileRandomAccessSource(path: ParquetFixtures.directory + name), into: &collector)
        #expect(collector.texts == (try ParquetFixtures.read(try ParquetFixtures.bytes(name))).0)
    }
}

@Suite struct ParquetCorruptionTests {
    /// Every truncation of every fixture reads without crashing (an error or issues are fine).
    @Test(arguments: ParquetFixtures.peopleVariants + ["nested_v2.parquet", "int96.parquet"])
    func truncatedFilesDoNotCrash(name: String) throws {
        let bytes = try ParquetFixtures.bytes(name)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            _ = try? ParquetFixtures.read(Array(bytes.prefix(length)))
            // Cut in the middle but keep the footer: column chunks point past what is there.
            var cut = bytes
            cut.removeSubrange(min(length, cut.count - 8)..<min(length + 64, cut.count - 8))
            _ = try? ParquetFixtures.read(cut)
        }
    }

    /// Each byte flipped in turn, in the data and in the footer, never crashes the reader.
    @Test(arguments: ["people_dict_v2_snappy.parquet", "people_delta_v2_snappy.parquet",
                      "people_plain_v1_none.parquet", "nested_v1.parquet"])
    func bitFlippedFilesDoNotCrash(name: String) throws {
        let bytes = try ParquetFixtures.bytes(name)
        var sawIssue = false
        // Every byte of the footer (its last 1.5 KiB), every fifth byte before it (debug builds
        // are slow; the fuzzer covers the rest).
        let footerStart = max(0, bytes.count - 1536)
        for i in Array(stride(from: 0, to: footerStart, by: 5)) + Array(footerStart..<bytes.count) {
            for mask: UInt8 in i % 2 == 0 ? [0xFF] : [0x01] {
                var flipped = bytes
                flipped[i] ^= mask
                if let (_, report) = try? ParquetFixtures.read(flipped), report.issueCount > 0 { sawIssue = true }
            }
        }
        #expect(sawIssue)
    }
}
