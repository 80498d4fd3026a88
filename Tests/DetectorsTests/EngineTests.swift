import Testing
import Records
@testable import Detectors

/// Engine mechanics, tested with small synthetic identifiers so the tests do not depend on the
/// managed catalog.
enum TestCatalog {
    static let dashed = ManagedIdentifier(
        id: "TEST_DASHED", category: .personalInformation, severity: .high, summary: "ddd-dd-dddd",
        trigger: .start(first: .digits, notAfter: .word),
        pattern: #"[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9])"#, maxLength: 11)
    static let mail = ManagedIdentifier(
        id: "TEST_MAIL", category: .personalInformation, severity: .medium, summary: "a@b.cc",
        trigger: .pivot(UInt8(ascii: "@"), back: ByteSet("a-z."), maxBack: 64),
        pattern: #"[a-z.]{1,64}@[a-z]{1,63}\.[a-z]{2,10}(?![a-z])"#, maxLength: 140)
    static let literal = ManagedIdentifier(
        id: "TEST_KEY", category: .credentials, severity: .high, summary: "KEYX + 8",
        trigger: .literal(["KEYX"], notAfter: .word),
        pattern: #"KEYX[A-Z0-9]{8}(?![A-Z0-9])"#, maxLength: 12, examples: ["KEYXEXAMPLE1"])
    static let keyworded = ManagedIdentifier(
        id: "TEST_SECRET", category: .credentials, severity: .high, summary: "6 digits near a keyword",
        keywords: ["secret", "pin code"], keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: #"[0-9]{6}(?![0-9])"#, maxLength: 6)
    static let runaway = ManagedIdentifier(
        id: "TEST_RUNAWAY", category: .personalInformation, severity: .low, summary: "catastrophic",
        trigger: .start(first: ByteSet("a"), notAfter: ByteSet("a")),
        pattern: #"(a+)+$"#, maxLength: 64)

    static let all = [dashed, mail, literal, keyworded]

    static func engine(_ identifiers: [ManagedIdentifier] = all, chunkSize: Int = 4096,
                       configure: (inout ScanConfiguration) -> Void = { _ in }) throws -> ScanEngine {
        var configuration = ScanConfiguration()
        configuration.chunkSize = chunkSize
        configure(&configuration)
        return try ScanEngine(configuration: configuration, catalog: identifiers)
    }
}

@Test func findsEachKindOfTriggerWithExactLocations() throws {
    let engine = try TestCatalog.engine()
    let text = "id 123-45-6789\nmail: jo.doe@example.org and KEYXAB12CD34\n"
    let (result, findings) = scanText(engine, text)
    #expect(result.status == .complete)
    #expect(result.bytes == text.utf8.count)
    #expect(findings.map(\.type) == ["TEST_DASHED", "TEST_MAIL", "TEST_KEY"])
    #expect(findings[0].location == .text(offset: 3, length: 11, line: 1, column: 4))
    #expect(findings[1].location == .text(offset: 21, length: 18, line: 2, column: 7))
    #expect(findings[2].location == .text(offset: 44, length: 12, line: 2, column: 30))
    #expect(findings.allSatisfy { $0.value == nil })
}

@Test func valuesOnlyWhenAsked() throws {
    let engine = try TestCatalog.engine { $0.includeValues = true }
    let (_, findings) = scanText(engine, "x 123-45-6789 y")
    #expect(findings.map(\.value) == ["123-45-6789"])
}

@Test func columnsCountCharactersNotBytes() throws {
    let engine = try TestCatalog.engine()
    let (_, findings) = scanText(engine, "é€ 123-45-6789")
    #expect(findings.first?.location == .text(offset: 6, length: 11, line: 1, column: 4))
}

@Test func tokenBoundariesAndOverlap() throws {
    let engine = try TestCatalog.engine()
    // Inside a longer token, or followed by another digit: no match.
    #expect(scanText(engine, "a123-45-6789 123-45-67890 9123-45-6789").1.isEmpty)
    #expect(scanText(engine, "xKEYXAB12CD34 KEYXAB12CD345").1.isEmpty)
    #expect(scanText(engine, "no at sign here @ or @x.y").1.isEmpty)
}

@Test func exampleValuesSuppressedUnlessAsked() throws {
    #expect(scanText(try TestCatalog.engine(), "KEYXEXAMPLE1").1.isEmpty)
    let reporting = try TestCatalog.engine { $0.reportExampleValues = true }
    #expect(scanText(reporting, "KEYXEXAMPLE1").1.count == 1)
}

@Test(arguments: [
    ("secret: 123456", true),
    ("Secret 123456", true),
    ("my PIN code is 123456", true),
    ("123456 secret", false),            // keyword after the match
    ("secrets 123456", false),           // not at a word edge
    ("secret" + String(repeating: " ", count: 24) + "123456", true),   // 24 + nothing = within 30
    ("secret" + String(repeating: " ", count: 30) + "123456", true),   // exactly 30
    ("secret" + String(repeating: " ", count: 31) + "123456", false),  // 31
    ("123456", false),
])
func keywordMustPrecedeWithinDistance(text: String, found: Bool) throws {
    let engine = try TestCatalog.engine()
    let findings = scanText(engine, text).1.filter { $0.type == "TEST_SECRET" }
    #expect(findings.count == (found ? 1 : 0))
    if found { #expect(findings.first?.keyword != nil) }
}

@Test func keywordDistanceIsConfigurable() throws {
    let engine = try TestCatalog.engine { $0.keywordDistance = 5 }
    #expect(scanText(engine, "secret      123456").1.isEmpty)
    #expect(scanText(engine, "secret 123456").1.count == 1)
}

/// A match (and a keyword before it) placed at every offset around each chunk boundary is
/// found exactly once, at the right place.
@Test func matchesAcrossChunkBoundariesFoundExactlyOnce() throws {
    let engine = try TestCatalog.engine()
    // The first window owns [0, chunk + back); later ones `chunk` bytes further each time.
    let first = engine.configuration.chunkSize + engine.backContext
    let boundaries = [first, first + engine.configuration.chunkSize]
    for boundary in boundaries {
        for offset in (boundary - 40)...(boundary + 20) {
            for (needle, type) in [("123-45-6789", "TEST_DASHED"), ("jo.doe@example.org", "TEST_MAIL"),
                                   ("secret: 123456", "TEST_SECRET")] {
                var text = String(repeating: "x", count: offset)
                text += " " + needle + " "
                text += String(repeating: "y", count: 3 * engine.configuration.chunkSize)
                let findings = scanText(engine, text).1
                #expect(findings.count == 1, "offset \(offset) \(type)")
                #expect(findings.first?.type == type)
                let expected = offset + 1 + (type == "TEST_SECRET" ? 8 : 0)
                #expect(findings.first?.location.offset == expected, "offset \(offset) \(type)")
            }
        }
    }
}

@Test func longLinesKeepLineAndColumnAcrossChunks() throws {
    let engine = try TestCatalog.engine()
    let text = "a\nb\n" + String(repeating: "z", count: 20_000) + " 123-45-6789\n123-45-6789"
    let findings = scanText(engine, text).1
    #expect(findings.map(\.location) == [
        .text(offset: 20_005, length: 11, line: 3, column: 20_002),
        .text(offset: 20_017, length: 11, line: 4, column: 1),
    ])
}

@Test func runawayPatternStopsAtMatchLimitAndScanGoesOn() throws {
    let engine = try TestCatalog.engine([TestCatalog.runaway, TestCatalog.dashed], chunkSize: 1 << 20) {
        $0.matchLimit = 10_000
    }
    let text = String(repeating: "a", count: 100_000) + "b 123-45-6789"
    let (result, findings) = scanText(engine, text)
    #expect(result.status == .partial)
    #expect(result.reason == .matchLimitExceeded)
    #expect(findings.map(\.type) == ["TEST_DASHED"])
}

@Test func configurationErrorsNameTheItem() throws {
    var configuration = ScanConfiguration()
    configuration.include = ["NOT_AN_IDENTIFIER"]
    #expect(throws: ConfigurationError.self) { try ScanEngine(configuration: configuration, catalog: TestCatalog.all) }
    do {
        _ = try ScanEngine(configuration: configuration, catalog: TestCatalog.all)
    } catch {
        #expect(error.item == "NOT_AN_IDENTIFIER")
        #expect(error.kind == .unknownIdentifier)
    }
    let broken = ManagedIdentifier(id: "BROKEN", category: .credentials, severity: .low, summary: "",
                                   trigger: .start(first: .digits, notAfter: .empty), pattern: "([0-9]", maxLength: 3)
    do {
        _ = try ScanEngine(configuration: ScanConfiguration(), catalog: [broken])
        Issue.record("expected an error")
    } catch {
        #expect(error.kind == .invalidPattern)
        #expect(error.item == "BROKEN")
        #expect(error.message.contains("offset"))
    }
}

@Test func includeAndExcludeByIdentifierAndCategory() throws {
    let credentialsOnly = try TestCatalog.engine { $0.include = ["CREDENTIALS"] }
    #expect(Set(credentialsOnly.identifiers.map(\.id)) == ["TEST_KEY", "TEST_SECRET"])
    let withoutKey = try TestCatalog.engine { $0.include = ["CREDENTIALS"]; $0.exclude = ["TEST_KEY"] }
    #expect(withoutKey.identifiers.map(\.id) == ["TEST_SECRET"])
}

// MARK: - Fields

private struct Piece {
    var bytes: [UInt8]
    var position: FieldPosition
    var columnName: String?
    var offsets: OffsetMap
    var isName = false
}

private func scanFields(_ engine: ScanEngine, _ pieces: [Piece], pieceSize: Int? = nil) -> [Finding] {
    var scanner = FieldScanner(engine: engine, scratch: engine.makeScratch(), sink: FindingCollector())
    for piece in pieces {
        let size = pieceSize ?? max(1, piece.bytes.count)
        var start = 0
        repeat {
            let end = min(piece.bytes.count, start + size)
            let chunk = Array(piece.bytes[start..<end])
            chunk.withUnsafeBytes { bytes in
                _ = scanner.visit(FieldPiece(bytes: bytes, position: piece.position, columnName: piece.columnName,
                                             decodedStart: start, isFirstPiece: start == 0,
                                             isLastPiece: end == piece.bytes.count, offsets: piece.offsets,
                                             isName: piece.isName))
            }
            start = end
        } while start < piece.bytes.count
    }
    return scanner.sink.findings
}

@Test func columnNameCountsAsKeyword() throws {
    let engine = try TestCatalog.engine()
    let cell = { (name: String?) in
        Piece(bytes: Array("123456".utf8), position: .cell(row: 3, column: 2), columnName: name,
              offsets: OffsetMap(rawStart: 100))
    }
    #expect(scanFields(engine, [cell("customer_secret")]).map(\.location)
            == [.cell(row: 3, column: 2, columnName: "customer_secret", offset: 100, length: 6)])
    #expect(scanFields(engine, [cell("PinCode")]).count == 1)
    #expect(scanFields(engine, [cell("amount")]).isEmpty)
    #expect(scanFields(engine, [cell(nil)]).isEmpty)
}

@Test func pathElementCountsAsKeywordButAKeyDoesNotCountForItself() throws {
    let engine = try TestCatalog.engine()
    let path = FieldPath([.name("user"), .name("secret"), .index(2)])
    let value = Piece(bytes: Array("123456".utf8), position: .record(index: 4, path: path), columnName: nil,
                      offsets: OffsetMap(rawStart: 10))
    #expect(scanFields(engine, [value]).map(\.location)
            == [.record(recordIndex: 4, jsonPath: "$.user.secret[2]", offset: 10, length: 6)])
    let key = Piece(bytes: Array("123456".utf8), position: .record(index: 0, path: FieldPath([.name("123456")])),
                    columnName: nil, offsets: OffsetMap(rawStart: 2), isName: true)
    #expect(scanFields(engine, [key]).isEmpty)
}

@Test func escapedValuesMapToFileBytes() throws {
    let engine = try TestCatalog.engine()
    // Decoded `a"b 123-45-6789` from the CSV field `"a""b 123-45-6789"` starting at file offset 50:
    // the value starts at 51, the doubled quote shifts what follows by one: the match is at 56.
    var offsets = OffsetMap(rawStart: 51)
    offsets.add(decoded: 2, raw: 54)
    let piece = Piece(bytes: Array("a\"b 123-45-6789".utf8), position: .cell(row: 2, column: 1), columnName: "x",
                      offsets: offsets)
    #expect(scanFields(engine, [piece]).first?.location
            == .cell(row: 2, column: 1, columnName: "x", offset: 56, length: 11))
}

@Test func fieldInManyPiecesMatchesLikeOnePiece() throws {
    let engine = try TestCatalog.engine()
    let text = String(repeating: "q", count: 9000) + " secret 123456 " + String(repeating: "r", count: 5000)
        + " 123-45-6789 jo@example.org"
    let piece = Piece(bytes: Array(text.utf8), position: .record(index: 0, path: FieldPath([.name("note")])),
                      columnName: nil, offsets: OffsetMap(rawStart: 7))
    let whole = scanFields(engine, [piece])
    #expect(whole.map(\.type) == ["TEST_SECRET", "TEST_DASHED", "TEST_MAIL"])
    for size in [1, 7, 4096, 5000] {
        #expect(scanFields(engine, [piece], pieceSize: size) == whole, "piece size \(size)")
    }
    #expect(whole.first?.location == .record(recordIndex: 0, jsonPath: "$.note", offset: 7 + 9008, length: 6))
}

@Test func recordAPIScansNameValuePairs() throws {
    let engine = try TestCatalog.engine()
    var sink = FindingCollector()
    let control = engine.scan(record: [("secret", "123456"), ("other", "call 123-45-6789")], recordIndex: 9,
                              scratch: engine.makeScratch(), into: &sink)
    #expect(control == .continue)
    #expect(sink.findings.map(\.location) == [
        .record(recordIndex: 9, jsonPath: "$.secret", offset: 0, length: 6),
        .record(recordIndex: 9, jsonPath: "$.other", offset: 5, length: 11),
    ])
}

@Test func sinkCanStopTheScan() throws {
    struct FirstOnly: FindingSink {
        var seen = 0
        mutating func receive(_ finding: Finding) -> ScanControl { seen += 1; return .stop }
    }
    let engine = try TestCatalog.engine()
    var sink = FirstOnly()
    var text = "123-45-6789 123-45-6789 123-45-6789"
    let result = text.withUTF8 { engine.scanText(UnsafeRawBufferPointer($0), scratch: engine.makeScratch(), into: &sink) }
    #expect(sink.seen == 1)
    #expect(result.reason == .stopped)
}

@Test func keywordHelpersSplitNames() {
    #expect(Keywords.words("DateOfBirth") == ["date", "of", "birth"])
    #expect(Keywords.words("customer_SSN-2") == ["customer", "ssn", "2"])
    #expect(Keywords.inNames(["DateOfBirth"], keywords: ["date of birth"]) == "date of birth")
    #expect(Keywords.inNames(["dateofbirth"], keywords: ["date of birth"]) == "date of birth")
    #expect(Keywords.inNames(["adobe_id"], keywords: ["dob"]) == nil)
}

/// Keyword-gated identifiers are tried only after a keyword; overlapping keyword ranges must
/// still give each match once, in order, and agree with the keyword rule at every distance.
@Test func gatedIdentifierAfterRepeatedAndOverlappingKeywords() throws {
    let engine = try TestCatalog.engine()
    let text = "secret secret 111111 222222 pin code secret 333333" + String(repeating: " ", count: 40) + "444444"
    let values = scanText(engine, text).1.filter { $0.type == "TEST_SECRET" }.map(\.location.offset)
    #expect(values == [14, 21, 44])
    for gap in 0...40 {
        let line = "Secret:" + String(repeating: " ", count: gap) + "123456"
        let found = scanText(engine, line).1.filter { $0.type == "TEST_SECRET" }
        #expect(found.count == (gap + 1 <= 30 ? 1 : 0), "gap \(gap)")
    }
}

/// `KeywordRule.absent` reports a match only when none of its keywords is near or in the name.
@Test func keywordAbsentRuleIsTheComplementOfRequired() throws {
    let bare = ManagedIdentifier(
        id: "TEST_BARE", category: .credentials, severity: .high, summary: "6 digits without a keyword",
        keywords: ["secret", "pin code"], keywordRule: .absent,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: #"[0-9]{6}(?![0-9])"#, maxLength: 6)
    let engine = try TestCatalog.engine([TestCatalog.keyworded, bare])
    #expect(scanText(engine, "secret: 123456").1.map(\.type) == ["TEST_SECRET"])
    #expect(scanText(engine, "number 123456").1.map(\.type) == ["TEST_BARE"])
    var sink = FindingCollector()
    _ = engine.scan(record: [(name: "pin_code", value: "123456")], recordIndex: 0,
                    scratch: engine.makeScratch(), into: &sink)
    #expect(sink.findings.map(\.type) == ["TEST_SECRET"])
}

/// A dictionary entry (Parquet's dictionary encoding) is scanned once; every row that uses it
/// gets the entry's findings at its own location.
@Test func dictionaryEntriesAreScannedOncePerDictionary() throws {
    let engine = try TestCatalog.engine()
    let scratch = engine.makeScratch()
    var scanner = FieldScanner(engine: engine, scratch: scratch, sink: FindingCollector())
    let entries = ["mail jo.doe@example.org", "nothing here", "x@example.com"]
    let rows = [0, 1, 0, 2, 0, 2]
    for (row, entry) in rows.enumerated() {
        var text = entries[entry]
        _ = text.withUTF8 { utf8 in
            scanner.visit(FieldPiece(bytes: UnsafeRawBufferPointer(utf8), position: .record(index: row, path: FieldPath([.name("note")])),
                                     columnName: nil, decodedStart: 0, isFirstPiece: true, isLastPiece: true,
                                     offsets: OffsetMap(rawStart: 0), dictionaryEntry: DictionaryEntry(dictionary: 1, entry: entry)))
        }
    }
    let found = scanner.sink.findings.map { finding -> String in
        guard case .record(let row, let path, let offset, let length) = finding.location else { return "?" }
        return "\(row) \(path) \(offset) \(length) \(finding.value ?? "")"
    }
    #expect(found == ["0 $.note 5 18 ", "2 $.note 5 18 ", "3 $.note 0 13 ", "4 $.note 5 18 ", "5 $.note 0 13 "])
    #expect(scratch.dictionaryReuses == 3)
}
