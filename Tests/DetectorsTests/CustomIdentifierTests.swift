import Testing
import Records
@testable import Detectors

// Custom data identifiers: Macie's semantics (keywords before the match, distance to the match's
// end, column and path names as keywords, ignore words, severity thresholds per object), the
// extensions (check, capture group), allow lists, streaming exactness and the match limit.

enum CustomFixtures {
    /// `EMP-` and six digits: a literal first byte, no keyword.
    static let employee = CustomIdentifier(name: "EMPLOYEE_ID", regex: #"EMP-[0-9]{6}(?![0-9])"#)
    /// Six digits after a badge keyword.
    static let badge = CustomIdentifier(name: "BADGE", regex: #"(?<![0-9])[0-9]{6}(?![0-9])"#, keywords: ["badge"],
                                        maximumMatchDistance: 30)
    /// Starts with `.`, so PCRE2 knows no first byte: searched unanchored.
    static let quebec = CustomIdentifier(name: "QUEBEC", regex: #".(?<=Q)[0-9]{5}(?![0-9])"#)

    static func engine(_ custom: [CustomIdentifier], managed: [ManagedIdentifier] = [], chunkSize: Int = 1 << 20,
                       configure: (inout ScanConfiguration) -> Void = { _ in }) throws -> ScanEngine {
        var configuration = ScanConfiguration()
        configuration.chunkSize = chunkSize
        configuration.customIdentifiers = custom
        configuration.includeValues = true
        configure(&configuration)
        return try ScanEngine(configuration: configuration, catalog: managed)
    }

    static func scan(_ engine: ScanEngine, _ bytes: String, format: FileFormat) -> (ObjectResult, [Finding]) {
        var source = MemoryByteSource(bytes)
        var sink = FindingCollector()
        let result = engine.scan(from: &source, format: format, path: "sample", scratch: engine.makeScratch(), into: &sink)
        return (result, sink.findings)
    }
}

@Test func customFindingsCarryNameCategoryAndExactLocation() throws {
    let engine = try CustomFixtures.engine([CustomFixtures.employee])
    let (result, findings) = scanText(engine, "id EMP-123456\nand EMP-654321 but not EMP-1234567")
    #expect(result.status == .complete)
    #expect(findings.map(\.type) == ["EMPLOYEE_ID", "EMPLOYEE_ID"])
    #expect(findings.allSatisfy { $0.category == .customIdentifier && $0.severity == .medium })
    #expect(findings.map(\.location) == [.text(offset: 3, length: 10, line: 1, column: 4),
                                         .text(offset: 18, length: 10, line: 2, column: 5)])
    #expect(findings.map(\.value) == ["EMP-123456", "EMP-654321"])
}

@Test(arguments: [
    ("badge 123456", true),
    ("BADGE: 123456", true),             // case-insensitive
    ("Badge#123456", true),
    ("123456 badge", false),             // after the match
    ("badges 123456", false),            // not at a word edge
    ("123456", false),
])
func keywordMustPrecedeTheMatch(text: String, found: Bool) throws {
    let engine = try CustomFixtures.engine([CustomFixtures.badge])
    let findings = scanText(engine, text).1
    #expect(findings.count == (found ? 1 : 0), "\(text)")
    if found { #expect(findings.first?.keyword == "badge") }
}

/// Macie measures from the end of the keyword to the END of the match (not its start).
@Test(arguments: [
    (20, 1, true), (20, 10, true), (20, 11, false),   // 10-byte match: gap + 10 <= 20
    (50, 40, true), (50, 41, false),                  // Macie's default
    (1, 0, false),                                    // a 10-byte match never fits in 1
    (300, 290, true), (300, 291, false),
])
func keywordDistanceIsMeasuredToTheEndOfTheMatch(distance: Int, gap: Int, found: Bool) throws {
    let identifier = CustomIdentifier(name: "STAFF", regex: #"EMP-[0-9]{6}"#, keywords: ["staff"],
                                      maximumMatchDistance: distance)
    let engine = try CustomFixtures.engine([identifier])
    let text = "staff" + String(repeating: " ", count: gap) + "EMP-123456"
    #expect(scanText(engine, text).1.count == (found ? 1 : 0), "distance \(distance) gap \(gap)")
}

@Test func defaultDistanceIsFifty() {
    #expect(CustomIdentifier(name: "X", regex: "x").maximumMatchDistance == 50)
}

@Test func customColumnNameCountsAsKeyword() throws {
    let engine = try CustomFixtures.engine([CustomFixtures.badge])
    let csv = "badge_number,amount\n123456,654321\n"
    let findings = CustomFixtures.scan(engine, csv, format: .csv).1
    #expect(findings.map(\.location) == [.cell(row: 2, column: 1, columnName: "badge_number", offset: 20, length: 6)])
    #expect(findings.first?.keyword == "badge")
}

@Test func customJSONPathElementCountsAsKeyword() throws {
    let engine = try CustomFixtures.engine([CustomFixtures.badge])
    let json = #"{"staff": {"badge": {"id": "123456"}}, "other": "654321"}"#
    let findings = CustomFixtures.scan(engine, json, format: .json).1
    #expect(findings.map(\.location) == [.record(recordIndex: 0, jsonPath: "$.staff.badge.id", offset: 28, length: 6)])
}

@Test func ignoreWordsAreCaseSensitiveAndDropMatchesContainingThem() throws {
    let identifier = CustomIdentifier(name: "EMP", regex: #"EMP-[0-9]{6}(?:-[A-Z]+)?"#, ignoreWords: ["000000", "TEST"])
    let engine = try CustomFixtures.engine([identifier])
    #expect(scanText(engine, "EMP-000000").1.isEmpty)
    #expect(scanText(engine, "EMP-123456-TEST").1.isEmpty)
    #expect(scanText(engine, "EMP-123456-TESTX").1.isEmpty)           // contains TEST
    #expect(scanText(engine, "EMP-123456-PROD").1.count == 1)
    let lower = CustomIdentifier(name: "EMP", regex: #"EMP-[0-9]{6}"#, ignoreWords: ["emp-000000"])
    #expect(scanText(try CustomFixtures.engine([lower]), "EMP-000000").1.count == 1)
}

/// A dropped match still consumes its bytes, as a global regex search would: no overlapping
/// match is found inside or just after it.
@Test func droppedMatchConsumesItsBytes() throws {
    let identifier = CustomIdentifier(name: "SIX", regex: #"[0-9]{6}"#, ignoreWords: ["123456"])
    let engine = try CustomFixtures.engine([identifier])
    #expect(scanText(engine, "1234567").1.isEmpty)
    #expect(scanText(engine, "123456 654321").1.map(\.value) == ["654321"])
}

@Test(arguments: [(1, nil), (2, Severity.low), (3, .low), (4, .medium), (5, .medium), (6, .high), (9, .high)] as [(Int, Severity?)])
func severityDependsOnTheObjectsCount(count: Int, severity: Severity?) throws {
    let identifier = CustomIdentifier(name: "EMP", regex: #"EMP-[0-9]{6}"#, severityLevels: [
        SeverityLevel(occurrencesThreshold: 4, severity: .medium),   // any order in the definition
        SeverityLevel(occurrencesThreshold: 2, severity: .low),
        SeverityLevel(occurrencesThreshold: 6, severity: .high),
    ])
    let engine = try CustomFixtures.engine([identifier])
    let text = (0..<count).map { "EMP-10000\($0)" }.joined(separator: " ")
    let (result, findings) = scanText(engine, text)
    if let severity {
        #expect(findings.count == count)
        #expect(findings.allSatisfy { $0.severity == severity })
        #expect(findings.map(\.location.offset) == (0..<count).map { $0 * 11 })
    } else {
        #expect(findings.isEmpty)   // below the lowest threshold: no finding
    }
    #expect(result.findings == findings.count)
}

@Test func severityWithoutLevelsIsMediumAndCountsArePerObject() throws {
    let levels = CustomIdentifier(name: "EMP", regex: #"EMP-[0-9]{6}"#,
                                  severityLevels: [SeverityLevel(occurrencesThreshold: 2, severity: .high)])
    let engine = try CustomFixtures.engine([levels, CustomFixtures.quebec])
    let scratch = engine.makeScratch()
    func scan(_ text: String) -> [Finding] {
        var sink = FindingCollector()
        var copy = text
        _ = copy.withUTF8 { engine.scanText(UnsafeRawBufferPointer($0), scratch: scratch, into: &sink) }
        return sink.findings
    }
    let first = scan("EMP-100000 EMP-100001 Q12345")
    #expect(first.map(\.type) == ["EMPLOYEE_ID", "EMPLOYEE_ID", "QUEBEC"] || first.map(\.type) == ["EMP", "EMP", "QUEBEC"])
    #expect(first.map(\.severity) == [.high, .high, .medium])
    // The next object starts counting again: one occurrence is below the threshold.
    #expect(scan("EMP-100000 Q12345").map(\.type) == ["QUEBEC"])
}

@Test func recordAPIHoldsThresholdFindingsUntilFinishRecords() throws {
    let identifier = CustomIdentifier(name: "EMP", regex: #"EMP-[0-9]{6}"#,
                                      severityLevels: [SeverityLevel(occurrencesThreshold: 2, severity: .low),
                                                       SeverityLevel(occurrencesThreshold: 3, severity: .high)])
    let engine = try CustomFixtures.engine([identifier])
    let scratch = engine.makeScratch()
    var sink = FindingCollector()
    for i in 0..<2 {
        _ = engine.scan(record: [(name: "note", value: "EMP-12345\(i)")], recordIndex: i, scratch: scratch, into: &sink)
    }
    #expect(sink.findings.isEmpty)
    #expect(engine.finishRecords(scratch: scratch, into: &sink) == .continue)
    #expect(sink.findings.map(\.severity) == [.low, .low])
}

// MARK: - Allow lists

@Test func allowListLiteralIsCaseInsensitiveAndWholeText() throws {
    let allow = AllowList(name: "test-values", criteria: .literals(["JO.DOE@EXAMPLE.ORG", "emp-111111"]))
    let engine = try CustomFixtures.engine([CustomFixtures.employee], managed: [TestCatalog.mail]) {
        $0.allowLists = [allow]
    }
    let findings = scanText(engine, "jo.doe@example.org ann.doe@example.org EMP-111111 EMP-222222").1
    #expect(findings.compactMap(\.value) == ["ann.doe@example.org", "EMP-222222"])
    // Whole text only: an entry inside a longer match does not allow it.
    let partial = try CustomFixtures.engine([], managed: [TestCatalog.mail]) {
        $0.allowLists = [AllowList(name: "x", criteria: .literals(["doe@example.org"]))]
    }
    #expect(scanText(partial, "jo.doe@example.org").1.count == 1)
}

@Test func allowListRegexMustMatchTheWholeDetectedText() throws {
    let engine = try CustomFixtures.engine([CustomFixtures.employee], managed: [TestCatalog.mail]) {
        $0.allowLists = [AllowList(name: "test-ids", criteria: .regex(#"EMP-0{3}[0-9]{3}"#)),
                         AllowList(name: "corp", criteria: .regex(#"[a-z.]+@example\.org"#)),
                         AllowList(name: "prefix-only", criteria: .regex("EMP"))]
    }
    let findings = scanText(engine, "EMP-000123 EMP-123456 jo@example.org jo@example.net").1
    #expect(findings.compactMap(\.value) == ["EMP-123456", "jo@example.net"])
}

@Test func allowListAppliesToTheCaptureGroupText() throws {
    let identifier = CustomIdentifier(name: "REF", regex: #"ref=([A-Z0-9]{6})"#, captureGroup: .number(1))
    let engine = try CustomFixtures.engine([identifier]) {
        $0.allowLists = [AllowList(name: "x", criteria: .literals(["abc123"]))]
    }
    #expect(scanText(engine, "ref=ABC123 ref=XYZ789").1.compactMap(\.value) == ["XYZ789"])
}

// MARK: - Beyond Macie: checks and capture groups

@Test func checkAndCaptureGroupNarrowTheFinding() throws {
    let payload = [4, 5, 3, 9, 5, 7, 8, 7, 6, 3, 6, 2, 1, 4, 8]
    let valid = payload.map(String.init).joined() + String(Luhn.checkDigit(for: payload) ?? 0)
    let invalid = String(valid.dropLast()) + String(((Int(String(valid.last ?? "0")) ?? 0) + 1) % 10)
    let identifier = CustomIdentifier(name: "CARD_REF", regex: #"card=(?<pan>[0-9]{16})\b"#,
                                      check: .luhn, captureGroup: .name("pan"))
    let engine = try CustomFixtures.engine([identifier])
    let findings = scanText(engine, "card=\(valid) card=\(invalid)").1
    #expect(findings.map(\.location) == [.text(offset: 5, length: 16, line: 1, column: 6)])
    #expect(findings.first?.value == valid)
}

@Test(arguments: [
    (CustomCheck.mod97, "GB82WEST12345698765432", false), // IBAN order is not plain mod 97
    (.iban, "GB82WEST12345698765432", true),
    (.iban, "GB83WEST12345698765432", false),
    (.luhn, "4111 1111 1111 1111", true),
    (.luhn, "4111 1111 1111 1112", false),
    (.nhs, "943 476 5919", true),
    (.nhs, "943 476 5918", false),
    (.vin, "1M8GDM9AXKP042788", true),
    (.vin, "1M8GDM9A1KP042788", false),
    (.mod97, "WEST12345698765432GB82", true),
])
func customChecks(check: CustomCheck, text: String, passes: Bool) {
    #expect(check.passes(Array(text.utf8)) == passes)
}

// MARK: - Candidates and streaming

@Test func firstBytesComeFromPCRE2() throws {
    func first(_ regex: String) throws -> ByteSet? {
        try CompiledCustomIdentifier(index: 0, definition: CustomIdentifier(name: "X", regex: regex)).firstBytes
    }
    #expect(try first("EMP-[0-9]+") == ByteSet("Ee"))            // both cases: caseless units are reported once
    #expect(try first("(?i)emp-[0-9]+") == ByteSet("Ee"))
    #expect(try first("[0-9]{3}-[0-9]{4}") == ByteSet("0-9"))
    #expect(try first("(?:AKIA|ASIA)[A-Z0-9]{16}") == ByteSet("Aa"))
    #expect(try first(".(?<=Q)[0-9]{5}") == nil)
    #expect(try first("(?m)^EMP") == nil)
}

/// A match, with its keyword, placed at every offset around each chunk boundary is found once,
/// at the right place, by each kind of custom identifier (first byte, keyword-gated, unanchored
/// search).
@Test func customMatchesAcrossChunkBoundariesFoundExactlyOnce() throws {
    let engine = try CustomFixtures.engine([CustomFixtures.employee, CustomFixtures.badge, CustomFixtures.quebec],
                                           chunkSize: 4096)
    let chunk = engine.configuration.chunkSize
    let first = chunk + engine.backContext
    for boundary in [first, first + chunk] {
        for offset in (boundary - 40)...(boundary + 20) {
            for (needle, type, shift) in [("EMP-123456", "EMPLOYEE_ID", 0), ("badge: 123456", "BADGE", 7),
                                          ("Q12345", "QUEBEC", 0)] {
                var text = String(repeating: "x", count: offset)
                text += " " + needle + " "
                text += String(repeating: "y", count: 3 * chunk)
                let findings = scanText(engine, text).1
                #expect(findings.count == 1, "offset \(offset) \(type)")
                #expect(findings.first?.type == type)
                #expect(findings.first?.location.offset == offset + 1 + shift, "offset \(offset) \(type)")
            }
        }
    }
}

/// Random text with many near-matches gives the same findings whatever the chunk size, and the
/// unanchored path agrees with the first-byte path on an equivalent pattern.
@Test func chunkSizeAndCandidatePathDoNotChangeResults() throws {
    var rng = SplitMix(seed: 42)
    let alphabet = Array("EMP-0123456789 Qbadge:\n".utf8)
    var bytes: [UInt8] = []
    for _ in 0..<40_000 { bytes.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
    for i in stride(from: 100, to: 39_000, by: 997) {
        bytes.replaceSubrange(i..<(i + 10), with: Array("EMP-\(100_000 + i)".utf8).prefix(10))
    }
    let text = String(decoding: bytes, as: UTF8.self)
    let viaSearch = CustomIdentifier(name: "EMPLOYEE_ID", regex: #".(?<=E)MP-[0-9]{6}(?![0-9])"#)
    let big = try CustomFixtures.engine([CustomFixtures.employee, CustomFixtures.badge, CustomFixtures.quebec])
    let small = try CustomFixtures.engine([CustomFixtures.employee, CustomFixtures.badge, CustomFixtures.quebec],
                                          chunkSize: 4096)
    let searched = try CustomFixtures.engine([viaSearch], chunkSize: 4096)
    let expected = scanText(big, text).1
    #expect(expected.count > 20)
    #expect(scanText(small, text).1 == expected)
    #expect(scanText(searched, text).1 == expected.filter { $0.type == "EMPLOYEE_ID" })
}

/// A field delivered in many pieces (a huge CSV cell) matches as one piece does.
@Test func customFieldInManyPiecesMatchesLikeOnePiece() throws {
    let engine = try CustomFixtures.engine([CustomFixtures.employee, CustomFixtures.badge, CustomFixtures.quebec],
                                           chunkSize: 4096)
    let value = String(repeating: "q", count: 9000) + " badge 123456 " + String(repeating: "r", count: 5000)
        + " EMP-123456 Q12345"
    let bytes = Array(value.utf8)
    func scan(pieceSize: Int) -> [Finding] {
        var scanner = FieldScanner(engine: engine, scratch: engine.makeScratch(), sink: FindingCollector())
        var start = 0
        repeat {
            let end = min(bytes.count, start + pieceSize)
            Array(bytes[start..<end]).withUnsafeBytes { raw in
                _ = scanner.visit(FieldPiece(bytes: raw, position: .record(index: 0, path: FieldPath([.name("note")])),
                                             columnName: nil, decodedStart: start, isFirstPiece: start == 0,
                                             isLastPiece: end == bytes.count, offsets: OffsetMap(rawStart: 0)))
            }
            start = end
        } while start < bytes.count
        return scanner.sink.findings
    }
    let whole = scan(pieceSize: bytes.count)
    #expect(whole.map(\.type) == ["BADGE", "EMPLOYEE_ID", "QUEBEC"])
    for size in [1, 7, 4096, 5000] {
        #expect(scan(pieceSize: size) == whole, "piece size \(size)")
    }
}

@Test func overlongMatchesAreNotReportedAndSaySo() throws {
    let identifier = CustomIdentifier(name: "RUN", regex: #"X[0-9]+"#)
    let engine = try CustomFixtures.engine([identifier]) { $0.customMatchLength = 16 }
    let (result, findings) = scanText(engine, "X123 X" + String(repeating: "9", count: 40) + " X45")
    #expect(findings.compactMap(\.value) == ["X123", "X45"])
    #expect(result.messages.contains { $0.contains("RUN") && $0.contains("longer than 16 bytes") })
}

// MARK: - Safety

@Test func pathologicalPatternStopsAtTheMatchLimitAndTheScanGoesOn() throws {
    let runaway = CustomIdentifier(name: "RUNAWAY", regex: #"(a+)+$"#)
    let engine = try CustomFixtures.engine([runaway, CustomFixtures.employee], managed: [TestCatalog.dashed])
    let text = String(repeating: "a", count: 100_000) + "b EMP-123456 123-45-6789"
    let clock = ContinuousClock()
    let started = clock.now
    let (result, findings) = scanText(engine, text)
    #expect(clock.now - started < .seconds(20))
    #expect(result.status == .partial)
    #expect(result.reason == .matchLimitExceeded)
    #expect(result.messages.contains { $0.contains("RUNAWAY") && $0.contains("match limit") })
    #expect(findings.map(\.type) == ["EMPLOYEE_ID", "TEST_DASHED"])
    // The next object is scanned with the identifier back on.
    let (next, nextFindings) = scanText(engine, "aaa")
    #expect(next.status == .complete)
    #expect(nextFindings.map(\.type) == ["RUNAWAY"])
}

// MARK: - Tracing (`piiscan identifiers test`)

@Test func testReportsEveryMatchAndWhy() throws {
    let identifier = CustomIdentifier(name: "CARD_REF", regex: #"ref ([0-9]{4})"#, keywords: ["order"],
                                      ignoreWords: ["0000"], maximumMatchDistance: 10, check: .luhn,
                                      captureGroup: .number(1))
    let engine = try CustomFixtures.engine([identifier]) {
        $0.allowLists = [AllowList(name: "samples", criteria: .literals(["4242"]))]
    }
    let test = engine.testCustomIdentifiers(in: "order ref 0000, order ref 1234\nref 5678, order ref 4242, order ref 0018")
    #expect(test.matches.map(\.outcome) == [
        .ignoreWord("0000"), .checkFailed(.luhn), .noKeyword, .allowed(list: "samples"),
        .reported(keyword: "order", keywordInName: false, check: .luhn),
    ])
    #expect(test.matches.last?.value == "0018")
    #expect(test.matches.last?.line == 2)
    #expect(test.tallies == [CustomIdentifierTest.Tally(identifier: "CARD_REF", count: 1, severity: .medium, levels: [])])
}

/// A small deterministic generator for test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Regression: the record API numbers each call's offsets from 0, so a scratch reused for the
/// next record must not keep the previous record's match ends (they hid the next record's
/// matches at lower offsets).
@Test func recordAPIReusedScratchFindsEveryRecordsMatches() throws {
    let engine = try CustomFixtures.engine([CustomFixtures.employee], managed: [TestCatalog.dashed])
    let scratch = engine.makeScratch()
    var sink = FindingCollector()
    _ = engine.scan(record: [(name: "a", value: "xxxxxxxxxx 123-45-6789 EMP-123456")], recordIndex: 0, scratch: scratch, into: &sink)
    _ = engine.scan(record: [(name: "a", value: "123-45-6789 EMP-654321")], recordIndex: 1, scratch: scratch, into: &sink)
    #expect(sink.findings.map(\.type) == ["TEST_DASHED", "EMPLOYEE_ID", "TEST_DASHED", "EMPLOYEE_ID"])
}

/// The previous-byte filter PCRE2 derives (a candidate at `b` after `p` is skipped when the
/// pattern cannot start there) never loses a match: for patterns with boundaries and
/// lookbehinds, the results equal those of the same pattern under `(*NO_START_OPT)`, which
/// PCRE2 searches position by position.
@Test(arguments: [
    #"(?<![0-9])[0-9]{3}-[0-9]{2}(?![0-9])"#,
    #"\b[A-Z]{2}[0-9]{3}\b"#,
    #"\B[0-9]{3}"#,
    #"(?<=Q)[0-9]{4}"#,
    #"(?<!ab)[a-c][0-9]{2}"#,
    #"(?<=ab)[0-9]{2}"#,
    #"(?<![A-Z0-9])[A-Z0-9]{4}-[A-Z0-9]{4}(?![A-Z0-9])"#,
])
func previousByteFilterLosesNoMatch(regex: String) throws {
    var rng = SplitMix(seed: UInt64(regex.utf8.count))
    let alphabet = Array("ab-QAZ0123456789 \n".utf8)
    var bytes: [UInt8] = []
    for _ in 0..<30_000 { bytes.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
    let text = String(decoding: bytes, as: UTF8.self)
    let filtered = try CustomFixtures.engine([CustomIdentifier(name: "P", regex: regex)], chunkSize: 4096)
    let oracle = try CustomFixtures.engine([CustomIdentifier(name: "P", regex: "(*NO_START_OPT)" + regex)], chunkSize: 4096)
    #expect(oracle.custom?.identifiers.first?.firstBytes == nil)
    let expected = scanText(oracle, text).1
    #expect(expected.count > 2, "\(regex)")
    #expect(scanText(filtered, text).1 == expected, "\(regex)")
    // CSV cells: each field is its own subject, starting with no previous byte.
    let csv = "v\n" + text.split(separator: " ").prefix(3000).joined(separator: "\n") + "\n"
    #expect(CustomFixtures.scan(filtered, csv, format: .csv).1 == CustomFixtures.scan(oracle, csv, format: .csv).1)
}

@Test func previousByteFilterIsDerivedOnlyWhenExact() throws {
    func filter(_ regex: String) throws -> [ByteSet]? {
        try CompiledCustomIdentifier(index: 0, definition: CustomIdentifier(name: "X", regex: regex)).notAfter
    }
    let digits = try #require(try filter(#"(?<![0-9])[0-9]{3}"#))
    #expect(digits[Int(UInt8(ascii: "5"))] == ByteSet("0-9"))
    // A literal start: nothing to skip before `E` (the lower-case `e` PCRE2's first unit may
    // stand for never starts a match).
    #expect(try filter("EMP-[0-9]+")?[Int(UInt8(ascii: "E"))] == ByteSet())
    #expect(try filter(#"(?<=ab)[0-9]{2}"#) == nil)          // a 2-byte positive lookbehind
}

/// Patterns PCRE2 cannot see the start of are searched unanchored over a bounded subject; ends
/// of subjects (`$`, lookaheads) must not create matches the bound alone would allow.
@Test func unanchoredSearchAgreesWithAnchoredVerificationAtSubjectEnds() throws {
    let identifier = CustomIdentifier(name: "TAIL", regex: #"(*NO_START_OPT)[0-9]{3}(?![0-9])"#)
    let engine = try CustomFixtures.engine([identifier], chunkSize: 4096) { $0.customMatchLength = 16 }
    let digits = String(repeating: "7", count: 5000)
    let text = "x 123 " + digits + " 456\n" + String(repeating: "z", count: 9000) + " 789"
    #expect(scanText(engine, text).1.compactMap(\.value) == ["123", "777", "456", "789"])
    let keyworded = CustomIdentifier(name: "KW", regex: #"(*NO_START_OPT)[0-9]{3}$"#, keywords: ["code"])
    let cells = try CustomFixtures.engine([keyworded])
    let findings = CustomFixtures.scan(cells, "code,other\n123,456\n1234,code 999\n", format: .csv).1
    #expect(findings.compactMap(\.value) == ["123", "234", "999"])
}
