import Foundation
import Testing
@testable import Records

/// An editor that answers with a closure and records every call, copied out of the lent buffer.
struct RecordingEditor: ParquetCellEditor {
    var calls: [SeenValue] = []
    var decide: (String, FieldPosition) -> ParquetCellEdit = { _, _ in .keep }

    init(_ decide: @escaping (String, FieldPosition) -> ParquetCellEdit = { _, _ in .keep }) {
        self.decide = decide
    }

    mutating func edit(_ value: UnsafeRawBufferPointer, position: FieldPosition, columnName: String?) -> ParquetCellEdit {
        let bytes = Array(value)
        calls.append(SeenValue(position: position, columnName: columnName, isName: false, bytes: bytes, raw: []))
        return decide(String(decoding: bytes, as: UTF8.self), position)
    }

    var texts: [String] { calls.map(\.description) }
}

/// The path of a position, `$.a.b` for `.record`.
func pathText(_ position: FieldPosition) -> String {
    if case .record(_, let path) = position { return path.description }
    return ""
}

func rowOf(_ position: FieldPosition) -> Int {
    if case .record(let row, _) = position { return row }
    return -1
}

enum Rewrite {
    /// Rewrites `bytes` with `editor`; returns the new file and the report.
    static func run(_ bytes: [UInt8], editor: inout RecordingEditor,
                    options: ParquetRewriteOptions = .init()) throws -> ([UInt8], ParquetRewriteReport) {
        var sink = MemoryByteSink()
        let report = try ParquetRewriter().rewrite(MemoryRandomAccessSource(bytes), to: &sink, editor: &editor,
                                                   options: options)
        return (sink.bytes, report)
    }

    static func run(_ name: String, options: ParquetRewriteOptions = .init(),
                    _ decide: @escaping (String, FieldPosition) -> ParquetCellEdit = { _, _ in .keep })
        throws -> ([UInt8], ParquetRewriteReport, RecordingEditor) {
        var editor = RecordingEditor(decide)
        let (out, report) = try run(try ParquetFixtures.bytes(name), editor: &editor, options: options)
        return (out, report, editor)
    }

    /// The footer of a Parquet file as a Thrift tree.
    static func footer(_ bytes: [UInt8]) throws -> ThriftStruct {
        let n = Int(bytes[bytes.count - 8]) | Int(bytes[bytes.count - 7]) << 8 | Int(bytes[bytes.count - 6]) << 16
            | Int(bytes[bytes.count - 5]) << 24
        return try ThriftStruct.read(Array(bytes[(bytes.count - 8 - n)..<(bytes.count - 8)]))
    }

    /// The ColumnMetaData of every column chunk, row group by row group.
    static func columnMetadata(_ bytes: [UInt8]) throws -> [[ThriftStruct]] {
        try (footer(bytes)[4]?.elements ?? []).map { group in
            (group.structure?[1]?.elements ?? []).compactMap { $0.structure?[3]?.structure }
        }
    }

    static let allFixtures = ParquetFixtures.peopleVariants
        + ["nested_v1.parquet", "nested_v2.parquet", "int96.parquet", "rewrite_features.parquet"]
}

@Suite struct ParquetRewriterTests {
    @Test(arguments: Rewrite.allFixtures)
    func keepingEverythingCopiesEveryChunkAndReadsTheSame(name: String) throws {
        let original = try ParquetFixtures.bytes(name)
        let (out, report, editor) = try Rewrite.run(name)
        let (before, beforeReport) = try ParquetFixtures.read(original)
        let (after, afterReport) = try ParquetFixtures.read(out)
        #expect(after == before)
        #expect(afterReport.records == beforeReport.records)
        #expect(afterReport.issues.isEmpty)
        #expect(report.columnChunksRewritten == 0)
        #expect(report.columnChunksCopied > 0)
        #expect(report.rowsIn == beforeReport.records && report.rowsOut == report.rowsIn)
        #expect(report.bytesWritten == out.count)
        // The editor saw exactly what the reader delivers.
        #expect(editor.texts == before)
    }

    /// Replacing every value with its own text re-encodes every chunk (PLAIN, data page v1,
    /// the original codec) and parses each type back to the same value.
    @Test(arguments: Rewrite.allFixtures)
    func replacingEveryValueWithItsOwnTextRoundTrips(name: String) throws {
        let original = try ParquetFixtures.bytes(name)
        let (out, report, editor) = try Rewrite.run(name) { text, _ in .replace(Array(text.utf8)) }
        let (before, _) = try ParquetFixtures.read(original)
        let (after, afterReport) = try ParquetFixtures.read(out)
        #expect(afterReport.issues.isEmpty, "\(afterReport.issues)")
        #expect(after == before)
        #expect(report.columnChunksCopied == 0)
        #expect(report.valuesReplaced == editor.calls.count)
    }

    @Test func smallPagesSplitOnRowBoundariesAndReadTheSame() throws {
        for name in ["nested_v1.parquet", "people_dict_v1_zstd.parquet"] {
            let (out, _, _) = try Rewrite.run(name, options: .init(removedRows: [], pageSize: 1)) { text, _ in
                .replace(Array(text.utf8))
            }
            #expect(try ParquetFixtures.read(out).0 == (try ParquetFixtures.read(try ParquetFixtures.bytes(name))).0)
        }
    }

    @Test(arguments: ["people_plain_v1_none.parquet", "people_dict_v1_snappy.parquet", "people_plain_v2_gzip.parquet",
                      "people_dict_v1_zstd.parquet", "people_plain_v2_lz4.parquet", "people_delta_v2_snappy.parquet"])
    func replacedStringsAreReadBackAndKeepTheCodec(name: String) throws {
        let (out, report, _) = try Rewrite.run(name) { _, position in
            pathText(position) == "$.ssn" ? .replace(Array("XXX-XX-XXXX".utf8)) : .keep
        }
        let (texts, readReport) = try ParquetFixtures.read(out)
        #expect(readReport.issues.isEmpty)
        let expected = try ParquetFixtures.expectedPeople().map { line in
            line.contains("$.ssn=") ? String(line[..<line.range(of: "=")!.upperBound]) + "XXX-XX-XXXX" : line
        }
        #expect(texts.sorted() == expected.sorted())
        #expect(report.valuesReplaced == 10)
        #expect(report.columnChunksRewritten == 3, "the ssn chunk of each of the 3 row groups")
        let codecs = try Rewrite.columnMetadata(out).flatMap { $0 }.map { $0[4]?.int }
        let originalCodecs = try Rewrite.columnMetadata(try ParquetFixtures.bytes(name)).flatMap { $0 }.map { $0[4]?.int }
        #expect(codecs == originalCodecs)
    }

    @Test func rewrittenChunksLoseStatisticsAndCopiedOnesKeepThem() throws {
        let (out, _, _) = try Rewrite.run("people_dict_v1_snappy.parquet") { _, position in
            pathText(position) == "$.email" ? .replace(Array("masked".utf8)) : .keep
        }
        for group in try Rewrite.columnMetadata(out) {
            let email = group[4], ssn = group[3]
            #expect(email[12] == nil && email[11] == nil && email[13] == nil, "no statistics or dictionary")
            #expect(email[2]?.elements?.compactMap(\.int) == [0, 3], "PLAIN and RLE")
            #expect(ssn[12] != nil, "a copied chunk keeps its statistics")
        }
        // The original values are nowhere in the file, not even in the footer.
        let text = String(decoding: out, as: UTF8.self)
        #expect(!text.contains("user0@example.com") && !text.contains("@example.com"))
    }

    @Test func nullsReplaceValuesInOptionalColumns() throws {
        let (out, report, _) = try Rewrite.run("people_plain_v2_gzip.parquet") { _, position in
            pathText(position) == "$.email" && rowOf(position) % 2 == 1 ? .null : .keep
        }
        let (texts, _) = try ParquetFixtures.read(out)
        let expected = try ParquetFixtures.expectedPeople().filter { line in
            !(line.contains("$.email=") && [1, 3, 5, 7, 9].contains { line.hasPrefix("#\($0)$") })
        }
        #expect(texts.sorted() == expected.sorted())
        #expect(report.valuesNulled == 5)
    }

    @Test(arguments: ["people_dict_v2_snappy.parquet", "people_split_v1_none.parquet"])
    func removedRowsDisappearFromEveryColumn(name: String) throws {
        // Rows 4...7 fill row group 1 (rows of 4): that group goes away entirely.
        let removed = [0, 4, 5, 6, 7, 9, 12]
        let (out, report, editor) = try Rewrite.run(name, options: .init(removedRows: removed))
        #expect(report.rowsIn == 10 && report.rowsOut == 4)
        #expect(report.issues == ["1 removed rows are past the last row (10 rows)"])
        #expect(!editor.calls.contains { removed.contains(rowOf($0.position)) }, "no edit asked for a removed row")
        let (texts, readReport) = try ParquetFixtures.read(out)
        #expect(readReport.records == 4)
        let kept = [1, 2, 3, 8]
        let expected = try ParquetFixtures.expectedPeople().compactMap { line -> String? in
            guard let old = kept.firstIndex(where: { line.hasPrefix("#\($0)$") }) else { return nil }
            return "#\(old)" + line.drop { $0 != "$" }
        }
        #expect(texts.sorted() == expected.sorted())
        #expect(try Rewrite.footer(out)[4]?.elements?.count == 2)
        #expect(try Rewrite.footer(out)[3]?.int == 4)
    }

    @Test(arguments: ["nested_v1.parquet", "nested_v2.parquet"])
    func nestedColumnsKeepTheirStructure(name: String) throws {
        // Replace list items and map values, null a nested field, drop row 1.
        let (out, report, _) = try Rewrite.run(name, options: .init(removedRows: [1])) { text, position in
            switch pathText(position) {
            case "$.tags[1]": return .replace(Array("B".utf8))
            case "$.attrs[0].value": return .replace(Array("redacted".utf8))
            case "$.user.contact.email": return .null
            case "$.matrix[1][0]": return .replace(Array("40".utf8))
            default: return .keep
            }
        }
        #expect(report.rowsOut == 2)
        let (texts, readReport) = try ParquetFixtures.read(out)
        #expect(readReport.issues.isEmpty)
        #expect(texts == [
            "#0$.user.name=Ann", "#1$.user.name=Bo",
            "#0$.tags[0]=a", "#0$.tags[1]=B", "#0$.tags[2]=c",
            "#0$.matrix[0][0]=1", "#0$.matrix[0][1]=2", "#0$.matrix[1][0]=40", "#1$.matrix[1][0]=40",
            "#0$.attrs[0].key=ssn", "#1$.attrs[0].key=k1", "#1$.attrs[1].key=k2",
            "#0$.attrs[0].value=redacted", "#1$.attrs[0].value=redacted",
            "#0$.cards[0].pan=4000",
        ])
    }

    @Test func removedColumnsLeaveTheSchemaAndTheData() throws {
        let (out, report, editor) = try Rewrite.run("nested_v1.parquet",
                                                    options: .init(removedColumns: ["user", "attrs", "nope"]))
        #expect(report.absentRemovedColumns == ["nope"])
        #expect(!report.issues.contains { $0.contains("nope") })
        #expect(!editor.calls.contains { pathText($0.position).hasPrefix("$.user") })
        let (texts, _) = try ParquetFixtures.read(out)
        #expect(texts == [
            "#0$.tags[0]=a", "#0$.tags[1]=b", "#0$.tags[2]=c",
            "#0$.matrix[0][0]=1", "#0$.matrix[0][1]=2", "#0$.matrix[1][0]=3", "#2$.matrix[1][0]=4",
            "#0$.cards[0].pan=4000", "#1$.cards[0].pan=5000",
        ])
        let schema = try Rewrite.footer(out)[2]?.elements?.compactMap { $0.structure?[4]?.bytes }
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(schema == ["schema", "tags", "list", "element", "matrix", "list", "element", "list", "element",
                           "cards", "list", "element", "pan"])
        #expect(try Rewrite.footer(out)[2]?.elements?.first?.structure?[5]?.int == 3)
    }

    @Test func integersDatesDecimalsTimestampsAndUUIDsTakeTextReplacements() throws {
        let replacements = [
            "$.id": "-42", "$.small": "2147483647", "$.born": "2000-02-29", "$.amount": "-12.5",
            "$.seen": "1969-12-31T23:59:59.999Z", "$.flag": "true", "$.score": "-0.25",
            "$.ident": "00000000-0000-4000-8000-00000000000a",
        ]
        let (out, _, _) = try Rewrite.run("people_dict_v1_snappy.parquet") { _, position in
            replacements[pathText(position)].map { .replace(Array($0.utf8)) } ?? .keep
        }
        let (texts, _) = try ParquetFixtures.read(out)
        #expect(texts.contains("#3$.id=-42"))
        #expect(texts.contains("#9$.small=2147483647"))
        #expect(texts.contains("#0$.born=2000-02-29"))
        #expect(texts.contains("#7$.amount=-12.50"))
        #expect(texts.contains("#1$.seen=1969-12-31T23:59:59.999Z"))
        #expect(texts.contains("#3$.flag=true"))
        #expect(texts.contains("#2$.score=-0.25"))
        #expect(texts.contains("#5$.ident=00000000-0000-4000-8000-00000000000a"))
    }

    @Test func featuresFileKeepsRequiredColumnsSortingAndPageIndexesOfCopiedChunks() throws {
        let (out, report, _) = try Rewrite.run("rewrite_features.parquet") { _, position in
            switch pathText(position) {
            case "$.email": return .replace(Array("x@example.net".utf8))
            case "$.name": return .replace(Array("N".utf8))
            case "$.code": return .replace(Array("-128".utf8))
            case "$.count": return .replace(Array("65535".utf8))
            case "$.price": return .replace(Array("1234567890123456.1234".utf8))
            case "$.cents": return .replace(Array("9999999.99".utf8))
            default: return .keep
            }
        }
        #expect(report.issues.isEmpty)
        let (texts, readReport) = try ParquetFixtures.read(out)
        #expect(readReport.issues.isEmpty && readReport.records == 8)
        #expect(texts.contains("#7$.email=x@example.net") && !texts.contains("#2$.email=x@example.net"))
        #expect(texts.contains("#0$.code=-128") && texts.contains("#1$.count=65535"))
        #expect(texts.contains("#4$.price=1234567890123456.1234") && texts.contains("#6$.cents=9999999.99"))
        let footer = try Rewrite.footer(out)
        for group in footer[4]?.elements ?? [] {
            let chunks = group.structure?[1]?.elements?.compactMap(\.structure) ?? []
            #expect(group.structure?[4] != nil, "sorting by the unedited id column holds")
            // id (copied) keeps its page index; email (rewritten) loses page index and bloom filter.
            #expect(chunks[0][4] != nil && chunks[0][6] != nil)
            #expect(chunks[2][4] == nil && chunks[2][6] == nil && chunks[2][3]?.structure?[14] == nil)
        }
        #expect(footer[5]?.elements?.count == 1, "ARROW:schema kept")
    }

    @Test func copiedPageIndexesPointAtTheMovedPages() throws {
        // Removing the name column moves every later chunk; the offset index must follow.
        let (out, _, _) = try Rewrite.run("rewrite_features.parquet", options: .init(removedColumns: ["name"]))
        let source = MemoryRandomAccessSource(out)
        var checked = 0
        for group in try Rewrite.footer(out)[4]?.elements ?? [] {
            for chunk in group.structure?[1]?.elements?.compactMap(\.structure) ?? [] {
                guard let offset = chunk[4]?.int, let length = chunk[5]?.int,
                      let dataPage = chunk[3]?.structure?[9]?.int else { continue }
                let index = try ThriftStruct.read(try source.bytes(at: offset, count: length))
                let first = index[1]?.elements?.first?.structure?[1]?.int
                #expect(first == dataPage || first == chunk[3]?.structure?[11]?.int)
                checked += 1
            }
        }
        #expect(checked == 3 * 11)
        let footer = try Rewrite.footer(out)
        #expect(footer[5] == nil, "ARROW:schema dropped with the column")
    }

    @Test func aValueTheColumnCannotHoldIsAnErrorNamingThePlace() throws {
        do {
            _ = try Rewrite.run("people_dict_v1_snappy.parquet") { _, position in
                pathText(position) == "$.id" && rowOf(position) == 5 ? .replace(Array("555-12-3456".utf8)) : .keep
            }
            Issue.record("expected an error")
        } catch let error as ParquetRewriteError {
            #expect(error.kind == .unrepresentable)
            #expect(error.rowGroup == 1 && error.column == "id" && error.row == 5)
            #expect(error.description == "row group 1, column id, row 5: replacement not representable: not a 64-bit integer")
            #expect(!error.description.contains("555"))
        }
        let cases: [(String, String)] = [
            ("$.code", "128"), ("$.count", "-1"), ("$.day", "2023-02-29"), ("$.price", "1.00001"),
            ("$.cents", "10000000.00"), ("$.when", "2023-01-01T00:00:00.0000001"), ("$.ratio", "half"),
        ]
        for (path, text) in cases {
            #expect(throws: ParquetRewriteError.self, "\(path)") {
                _ = try Rewrite.run("rewrite_features.parquet") { _, position in
                    pathText(position) == path ? .replace(Array(text.utf8)) : .keep
                }
            }
        }
    }

    @Test func aNullInARequiredColumnIsAnError() throws {
        for path in ["$.name", "$.scores[1]"] {
            do {
                _ = try Rewrite.run("rewrite_features.parquet") { _, position in pathText(position) == path ? .null : .keep }
                Issue.record("expected an error for \(path)")
            } catch let error as ParquetRewriteError {
                #expect(error.kind == .nullInRequiredColumn)
                #expect(error.row != nil)
            }
        }
    }

    @Test func unsupportedCodecsAndEncryptedFilesAreErrors() throws {
        do {
            _ = try Rewrite.run("people_brotli.parquet")
            Issue.record("expected an error")
        } catch let error as ParquetRewriteError {
            #expect(error.kind == .unsupported)
            #expect(error.description == "row group 0, column id: codec BROTLI")
        }
        var bytes = try ParquetFixtures.bytes("int96.parquet")
        bytes.replaceSubrange((bytes.count - 4)..., with: Array("PARE".utf8))
        var editor = RecordingEditor()
        #expect(throws: ParquetRewriteError.self) { _ = try Rewrite.run(bytes, editor: &editor) }
    }

    /// A removed column is not read at all, so a file whose only unreadable column is removed
    /// can still be rewritten.
    @Test func corruptInputNeverCrashes() throws {
        let bytes = try ParquetFixtures.bytes("nested_v2.parquet")
        for i in stride(from: 0, to: bytes.count, by: 3) {
            var flipped = bytes
            flipped[i] ^= 0xFF
            var editor = RecordingEditor { text, _ in .replace(Array(text.utf8)) }
            _ = try? Rewrite.run(flipped, editor: &editor)
        }
    }
}

@Suite struct ParquetEncoderTests {
    @Test func theFooterTreeWritesBackTheSameBytes() throws {
        for name in Rewrite.allFixtures + ["people_brotli.parquet"] {
            let bytes = try ParquetFixtures.bytes(name)
            let n = Int(bytes[bytes.count - 8]) | Int(bytes[bytes.count - 7]) << 8 | Int(bytes[bytes.count - 6]) << 16
            let footer = Array(bytes[(bytes.count - 8 - n)..<(bytes.count - 8)])
            #expect(try ThriftStruct.read(footer).encoded == footer, "\(name)")
        }
    }

    @Test(arguments: [1, 2, 3, 7, 8, 13, 32])
    func hybridEncodingDecodesToTheSameLevels(bitWidth: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let maxValue = UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bitWidth)) - 1)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 100, 1000] {
            for style in 0..<3 {
                let values: [UInt32] = (0..<length).map { i in
                    switch style {
                    case 0: return UInt32.random(in: 0...maxValue, using: &generator)
                    case 1: return (i / 11) % 2 == 0 ? maxValue : 0
                    default: return i % 13 < 9 ? 1 & maxValue : UInt32(i) & maxValue
                    }
                }
                var encoded: [UInt8] = []
                encodeHybrid(values[...], bitWidth: bitWidth, into: &encoded)
                var cursor = PageCursor(encoded)
                var decoded: [UInt32] = []
                try decodeHybrid(&cursor, bitWidth: bitWidth, count: values.count, into: &decoded)
                #expect(decoded == values, "width \(bitWidth), length \(length), style \(style)")
            }
        }
    }

    @Test(arguments: [ParquetCodec.uncompressed, .snappy, .gzip, .zstd, .lz4Raw])
    func everyWritableCodecRoundTrips(codec: ParquetCodec) throws {
        for input in [[UInt8](), Array("a".utf8), Array(String(repeating: "Parquet page ", count: 500).utf8)] {
            let compressed = try codec.compress(input)
            #expect(try codec.decompress(compressed[...], size: input.count) == input)
        }
    }

    @Test func gzipPagesUseGzipFraming() throws {
        let compressed = try ParquetCodec.gzip.compress(Array("x".utf8))
        #expect(Array(compressed.prefix(2)) == [0x1F, 0x8B])
    }
}
